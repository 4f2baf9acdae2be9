namespace Cradle.Trends.Assessment;

/// <summary>One indicator of one model's training: use phase, production share, their total.</summary>
/// <param name="Indicator">Which indicator.</param>
/// <param name="Unit">Its unit (kWh, kg CO2 eq, kg Sb eq, MJ).</param>
/// <param name="Use">Use phase: electricity × grid factor.</param>
/// <param name="Production">Production allocated to this training; null when unavailable (see <paramref name="ProductionUnavailable"/>).</param>
/// <param name="Total">Use + production, draw by draw; null when production is unavailable (never use alone). For energy, equal to use.</param>
/// <param name="ProductionShare">Production ÷ total, draw by draw, 0–1; null when production is unavailable.</param>
/// <param name="UseFactor">Where the per-kWh factor came from, with any fallback labelled ("grid us: owid-ember-2024, 2023").</param>
/// <param name="ProductionSource">Where the per-device production figure came from, or null.</param>
/// <param name="ProductionUnavailable">Why production is missing, or null.</param>
public sealed record IndicatorResult(
    Indicator Indicator, string Unit, Band Use, Band? Production, Band? Total, Band? ProductionShare, string UseFactor,
    string? ProductionSource, string? ProductionUnavailable);

/// <summary>One model's training under one scenario.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Organization">The organisation(s), as Epoch writes them, or null.</param>
/// <param name="FrontierModel">Whether Epoch marks it as a frontier model.</param>
/// <param name="Line">Its line in the Epoch file.</param>
/// <param name="PublicationDate">Publication date.</param>
/// <param name="Year">Publication date as a fractional year.</param>
/// <param name="DeviceId">Catalog accelerator id.</param>
/// <param name="DeviceCount">Devices used.</param>
/// <param name="TrainingHours">Training time, hours.</param>
/// <param name="EnergyBasis">"epoch-power-draw" or "device-power".</param>
/// <param name="EnergyBasisNote">The formula with its numbers, e.g. "Epoch power draw 112,771 W × 2,000 h (overhead and PUE included)".</param>
/// <param name="GridId">The grid the electricity is taken from in this scenario.</param>
/// <param name="GridLabel">Why that grid: the organisation's country (proxy), a fallback, or the scenario's shift.</param>
/// <param name="Indicators">Energy, GWP, ADPe, PE, in that order.</param>
/// <param name="Notes">Anything else a reader should know (generic device names read as a variant).</param>
public sealed record ModelResult(
    string Model, string? Organization, bool FrontierModel, int Line, DateOnly PublicationDate, double Year, string DeviceId, double DeviceCount, double TrainingHours,
    string EnergyBasis, string EnergyBasisNote, string GridId, string GridLabel, IReadOnlyList<IndicatorResult> Indicators,
    IReadOnlyList<string> Notes)
{
    /// <summary>The result for one indicator.</summary>
    public IndicatorResult Result(Indicator indicator) => Indicators.First(i => i.Indicator == indicator);
}

/// <summary>Every assessable model under one scenario.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Assumptions">The assumptions the results rest on (defaults, draws, seed).</param>
/// <param name="Models">Per-model results, in file order.</param>
public sealed record ScenarioResult(Scenario Scenario, TrainingAssumptions Assumptions, IReadOnlyList<ModelResult> Models);
