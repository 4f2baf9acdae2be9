namespace Cradle.Core.Tests.Sensitivity;

/// <summary>Models with known Sobol indices, as functions of parameter columns.</summary>
internal static class TestModels
{
    /// <summary>
    /// Ishigami: Y = sin X1 + a sin² X2 + b X3⁴ sin X1 on the first three columns; any further column is ignored.
    /// </summary>
    public static double[][] Ishigami(double[][] x, double a = 7, double b = 0.1)
    {
        var y = new double[x[0].Length];
        for (var n = 0; n < y.Length; n++)
        {
            var sin2 = Math.Sin(x[1][n]);
            var x3 = x[2][n];
            y[n] = Math.Sin(x[0][n]) + (a * sin2 * sin2) + (b * x3 * x3 * x3 * x3 * Math.Sin(x[0][n]));
        }
        return [y];
    }

    /// <summary>One output Σ_i c[j][i] X_i per coefficient row j.</summary>
    public static double[][] Linear(double[][] x, double[][] coefficients)
    {
        var outputs = new double[coefficients.Length][];
        for (var j = 0; j < coefficients.Length; j++)
        {
            outputs[j] = new double[x[0].Length];
            for (var i = 0; i < x.Length; i++)
            {
                for (var n = 0; n < x[i].Length; n++)
                {
                    outputs[j][n] += coefficients[j][i] * x[i][n];
                }
            }
        }
        return outputs;
    }
}
