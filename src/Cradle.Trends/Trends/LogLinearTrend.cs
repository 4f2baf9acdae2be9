namespace Cradle.Trends.Trends;

/// <summary>
/// A least-squares fit of ln y = a + b·t, t in years: growth per year e^b and doubling time ln 2 ÷ b, with confidence
/// intervals from the slope's standard error and Student's t with n − 2 degrees of freedom.
/// </summary>
/// <param name="Count">Points fitted, ≥ 3.</param>
/// <param name="Intercept">a, ln y at t = 0.</param>
/// <param name="Slope">b, per year.</param>
/// <param name="SlopeStandardError">Standard error of b.</param>
/// <param name="SlopeLow">Lower end of b's interval.</param>
/// <param name="SlopeHigh">Upper end of b's interval.</param>
/// <param name="Level">Confidence level of the intervals, e.g. 0.95.</param>
/// <param name="RSquared">Share of the variance of ln y the line explains, 0–1.</param>
public sealed record LogLinearTrend(
    int Count, double Intercept, double Slope, double SlopeStandardError, double SlopeLow, double SlopeHigh, double Level, double RSquared)
{
    /// <summary>Factor by which y grows per year, e^b (&lt; 1 when it falls).</summary>
    public double GrowthPerYear => Math.Exp(Slope);

    /// <summary>Lower end of the growth factor's interval, e^(slope low).</summary>
    public double GrowthPerYearLow => Math.Exp(SlopeLow);

    /// <summary>Upper end of the growth factor's interval, e^(slope high).</summary>
    public double GrowthPerYearHigh => Math.Exp(SlopeHigh);

    /// <summary>Years for y to double, ln 2 ÷ b; null when y does not grow (b ≤ 0).</summary>
    public double? DoublingYears => Slope > 0 ? Math.Log(2) / Slope : null;

    /// <summary>Lower end of the doubling time's interval, ln 2 ÷ (slope high); null when the whole slope interval is ≤ 0.</summary>
    public double? DoublingYearsLow => SlopeHigh > 0 ? Math.Log(2) / SlopeHigh : null;

    /// <summary>
    /// Upper end of the doubling time's interval, ln 2 ÷ (slope low); null (unbounded) when the slope's interval reaches
    /// zero or below: the data do not rule out no growth.
    /// </summary>
    public double? DoublingYearsHigh => SlopeLow > 0 ? Math.Log(2) / SlopeLow : null;

    /// <summary>The fitted y at year <paramref name="year"/>: e^(a + b·year).</summary>
    public double Predict(double year) => Math.Exp(Intercept + (Slope * year));
}
