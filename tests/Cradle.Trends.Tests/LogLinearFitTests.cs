using Cradle.Core.Uncertainty;
using Cradle.Trends.Trends;

namespace Cradle.Trends.Tests;

public sealed class LogLinearFitTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // Truth: y doubles every 0.5 years (b = ln 2 / 0.5 = 1.3863 per year, growth ×4 per year), lognormal noise σ = 0.8.
    private const double TrueSlope = 1.3862943611198906;
    private const double Sigma = 0.8;

    private static List<(double Year, double Value)> Synthetic(ulong seed, int n)
    {
        var years = new double[n];
        new RandomDraws(seed, "year", 0).Uniforms(years);
        var noise = new double[n];
        new RandomDraws(seed, "noise", 0).StandardNormals(noise);
        return years.Select((u, i) => (Year: 2012 + (12 * u), Value: Math.Exp(3 + (TrueSlope * (2012 + (12 * u) - 2012)) + (Sigma * noise[i])))).ToList();
    }

    [Fact]
    public void A_noiseless_exponential_is_recovered_exactly()
    {
        // y = 5 × 3^(t − 2015): slope ln 3, growth ×3 per year, doubling ln 2 / ln 3 = 0.6309 years.
        var points = Enumerable.Range(0, 10).Select(i => (2015 + (0.7 * i), 5 * Math.Pow(3, 0.7 * i))).ToList();
        var fit = LogLinearFit.Fit(points);
        Assert.Equal(3, fit.GrowthPerYear, 9);
        Assert.Equal(Math.Log(2) / Math.Log(3), fit.DoublingYears!.Value, 9);
        Assert.Equal(1, fit.RSquared, 9);
        Assert.Equal(5 * Math.Pow(3, 2), fit.Predict(2017), 6);
    }

    [Fact]
    public void A_noisy_exponential_gives_its_growth_and_doubling_time_back()
    {
        var fit = LogLinearFit.Fit(Synthetic(42, 120));
        Assert.Equal(120, fit.Count);
        Assert.InRange(fit.GrowthPerYear, fit.GrowthPerYearLow, fit.GrowthPerYearHigh);
        // With 120 points over 12 years, σ = 0.8: SE(b) ≈ 0.8 / (√120 × 12/√12) ≈ 0.021, so b is within ±0.07 (3.3 SE).
        Assert.InRange(fit.Slope, TrueSlope - 0.07, TrueSlope + 0.07);
        Assert.InRange(fit.DoublingYears!.Value, 0.475, 0.527);
        var (low, high) = (fit.DoublingYearsLow, fit.DoublingYearsHigh);
        Assert.True(low < 0.5 && 0.5 < high!.Value, $"doubling interval {low}–{high} misses 0.5 years");
    }

    [Fact]
    public void The_95_percent_interval_covers_the_truth_95_percent_of_the_time()
    {
        // 1,000 independent data sets of 30 points. Coverage ~ Binomial(1000, 0.95): sd = √(1000 × 0.95 × 0.05) = 6.9,
        // so 950 ± 3 sd = 929 to 971 holds with probability > 99.7 % if the interval is right. A normal (z = 1.96)
        // interval instead of t with 28 degrees of freedom would cover about 94 %, still inside; a wrong standard error
        // (e.g. forgetting √(1/Sxx)) fails by far.
        const int seeds = 1000;
        var covered = 0;
        var doublingCovered = 0;
        for (var seed = 1UL; seed <= seeds; seed++)
        {
            var fit = LogLinearFit.Fit(Synthetic(seed, 30));
            if (fit.SlopeLow <= TrueSlope && TrueSlope <= fit.SlopeHigh)
            {
                covered++;
            }
            var (low, high) = (fit.DoublingYearsLow, fit.DoublingYearsHigh);
            if (low <= 0.5 && (high is null || 0.5 <= high))
            {
                doublingCovered++;
            }
        }
        output.WriteLine($"slope interval covered the truth in {covered} of {seeds} data sets");
        Assert.InRange(covered, 929, 971);
        Assert.Equal(covered, doublingCovered); // the doubling interval is the slope interval transformed
    }

    [Fact]
    public void A_flat_series_has_no_doubling_time_and_an_open_interval()
    {
        var points = new List<(double, double)> { (2020, 10), (2021, 11), (2022, 9), (2023, 10.5) };
        var fit = LogLinearFit.Fit(points);
        Assert.True(fit.SlopeLow < 0 && fit.SlopeHigh > 0);
        Assert.Null(fit.DoublingYearsHigh);
    }

    [Fact]
    public void Bad_input_is_refused_with_a_reason()
    {
        Assert.Contains("at least 3", Assert.Throws<ArgumentException>(() => LogLinearFit.Fit([(2020, 1), (2021, 2)])).Message, StringComparison.Ordinal);
        Assert.Contains("positive", Assert.Throws<ArgumentException>(() => LogLinearFit.Fit([(2020, 1), (2021, 0), (2022, 2)])).Message, StringComparison.Ordinal);
        Assert.Contains("same date", Assert.Throws<ArgumentException>(() => LogLinearFit.Fit([(2020, 1), (2020, 3), (2020, 2)])).Message, StringComparison.Ordinal);
    }
}
