namespace Cradle.Measure.Efficiency;

/// <summary>
/// An Environmental Sustainability Score (ESS, after ML-EcoLyzer, arXiv 2511.06694): millions of effective parameters per
/// gram CO2e, or the reason it cannot be given. Never 0 in place of a missing figure.
/// </summary>
/// <param name="Value">Millions of parameters per g CO2e (&gt; 0), or null when unavailable.</param>
/// <param name="Unavailable">Why <paramref name="Value"/> is null; null when it is given.</param>
public sealed record SustainabilityScore(double? Value, string? Unavailable)
{
    /// <summary>
    /// ESS = (N · QF / 10^6) / CO2e: N the parameter count, QF the quantisation factor (1 for the plain variant, which is
    /// what ML-EcoLyzer's released code computes), CO2e in grams. The paper's QF per precision was not found in any
    /// accessible source (docs/measurement.md), so a QF other than 1 is always an explicit input.
    /// </summary>
    /// <param name="parameterCount">Parameters of the model (of the unquantised parent for a quantised one); null when unknown.</param>
    /// <param name="gramsCo2e">CO2e the score is taken over, in g; null when unknown.</param>
    /// <param name="quantisationFactor">Dimensionless, &gt; 0; 1 for the plain variant; null when none was given.</param>
    public static SustainabilityScore Compute(double? parameterCount, double? gramsCo2e, double? quantisationFactor = 1)
    {
        if (parameterCount is not { } n)
        {
            return new(null, "no parameter count (cradle measure --params)");
        }
        if (!double.IsFinite(n) || n <= 0)
        {
            return new(null, "the parameter count is not a positive number");
        }
        if (quantisationFactor is not { } qf)
        {
            return new(null, "no quantisation factor for this precision (runs compare --qf PRECISION=FACTOR)");
        }
        if (!double.IsFinite(qf) || qf <= 0)
        {
            return new(null, "the quantisation factor is not a positive number");
        }
        if (gramsCo2e is not { } g)
        {
            return new(null, "no CO2e figure");
        }
        // CO2e = 0 (or below) has no meaningful score: ML-EcoLyzer's code returns 0 here, which reads as "worst"; the
        // research notes (measurement.md test 25) ask for "undefined with a reason" instead.
        if (!double.IsFinite(g) || g <= 0)
        {
            return new(null, "the CO2e figure is not above 0 g");
        }
        return new(n * qf / 1e6 / g, null);
    }
}
