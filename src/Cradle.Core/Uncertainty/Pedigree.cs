namespace Cradle.Core.Uncertainty;

/// <summary>
/// The pedigree matrix of ecoinvent's data-quality guideline (Weidema et al. 2013, ecoinvent v3, Table 10.5): five
/// scores from 1 (best) to 5, each adding a variance to the log of the value. The total
/// σ² = σ²(basic) + Σ σ²(score) gives a lognormal around the stated value.
/// </summary>
public static class Pedigree
{
    // Variance of the natural log for scores 1..5, per indicator (ecoinvent v3 data quality guideline, 2013).
    private static readonly double[][] Variances =
    [
        [0, 0.0006, 0.002, 0.008, 0.04],    // reliability
        [0, 0.0001, 0.0006, 0.002, 0.008],  // completeness
        [0, 0.0002, 0.002, 0.008, 0.04],    // temporal correlation
        [0, 0.000025, 0.0001, 0.0006, 0.002], // geographical correlation
        [0, 0.0006, 0.008, 0.04, 0.12],     // further technological correlation
    ];

    /// <summary>The names of the five indicators, in score order.</summary>
    public static IReadOnlyList<string> Indicators { get; } = ["reliability", "completeness", "temporal", "geographical", "technological"];

    /// <summary>The geometric SD of the lognormal for <paramref name="scores"/> (five values 1–5) and a basic GSD (≥ 1).</summary>
    public static double GeometricSd(IReadOnlyList<int> scores, double basicGeometricSd = 1.0)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != Variances.Length || scores.Any(s => s is < 1 or > 5))
        {
            throw new ArgumentException("A pedigree is five scores from 1 to 5: reliability, completeness, temporal, geographical, technological.", nameof(scores));
        }
        if (basicGeometricSd < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(basicGeometricSd), basicGeometricSd, "A geometric SD is at least 1.");
        }
        var variance = Math.Pow(Math.Log(basicGeometricSd), 2);
        for (var i = 0; i < scores.Count; i++)
        {
            variance += Variances[i][scores[i] - 1];
        }
        return Math.Exp(Math.Sqrt(variance));
    }
}
