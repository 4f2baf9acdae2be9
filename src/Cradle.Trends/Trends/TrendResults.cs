using Cradle.Trends.Assessment;

namespace Cradle.Trends.Trends;

/// <summary>Which part of the life cycle a trend or value covers.</summary>
public enum Phase
{
    /// <summary>Electricity for training and its grid impacts.</summary>
    Use,
    /// <summary>The share of the devices' production allocated to the training.</summary>
    Production,
    /// <summary>Use + production.</summary>
    Total,
}

/// <summary>The trend of one indicator and phase over the models that have it, or why there is none.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Phase">Use, production or total.</param>
/// <param name="Unit">The indicator's unit.</param>
/// <param name="Models">Models with a value (the rest lack production figures).</param>
/// <param name="Fit">The fit of the per-model medians against publication year; null when fewer than 3 models have a value.</param>
/// <param name="Missing">Why there is no fit, or null.</param>
public sealed record IndicatorTrend(Indicator Indicator, Phase Phase, string Unit, int Models, LogLinearTrend? Fit, string? Missing);

/// <summary>Production's share of an indicator over the models of one calendar year.</summary>
/// <param name="Year">Calendar year of publication.</param>
/// <param name="Indicator">GWP, ADPe or PE.</param>
/// <param name="Models">Models of that year with a production figure.</param>
/// <param name="MedianShare">Median over those models of each model's median production share, 0–1.</param>
/// <param name="PooledShare">Σ production ÷ Σ total over those models (their medians), 0–1.</param>
public sealed record ProductionShareByYear(int Year, Indicator Indicator, int Models, double MedianShare, double PooledShare);

/// <summary>The trends of one scenario.</summary>
/// <param name="ScenarioId">The scenario's id.</param>
/// <param name="Trends">Every indicator × phase that applies (energy has only use and total).</param>
/// <param name="ProductionShares">Production share per calendar year and indicator.</param>
public sealed record ScenarioTrends(string ScenarioId, IReadOnlyList<IndicatorTrend> Trends, IReadOnlyList<ProductionShareByYear> ProductionShares)
{
    /// <summary>The trend of one indicator and phase.</summary>
    public IndicatorTrend Trend(Indicator indicator, Phase phase) => Trends.First(t => t.Indicator == indicator && t.Phase == phase);
}
