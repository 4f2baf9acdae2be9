using Cradle.Trends.Assessment;

namespace Cradle.Trends.Study;

/// <summary>What a many-model trend study runs.</summary>
/// <param name="Scenarios">The scenarios, each assessed over every model; the baseline first by convention.</param>
/// <param name="Assumptions">Server overhead, PUE, lifetime, utilisation, energy basis, draws and seed.</param>
/// <param name="Estimator">The accelerator production estimator used for every card (a name of
/// <see cref="Cradle.Catalog.Production.AcceleratorProduction.Estimators"/>). Default <c>mlca</c>, the die-area model the
/// rebound paper's method rests on; one estimator for all cards keeps the production trend consistent.</param>
public sealed record TrendStudyOptions(IReadOnlyList<Scenario> Scenarios, TrainingAssumptions Assumptions, string Estimator = TrendStudyOptions.DefaultEstimator)
{
    /// <summary>The default estimator.</summary>
    public const string DefaultEstimator = "mlca";

    /// <summary>The default scenarios: the baseline, all training moved to the lowest-carbon of Sweden, Norway, Iceland and
    /// France, carbon-aware scheduling 30 % lower GWP per kWh, and hardware needing half the electricity.</summary>
    public static IReadOnlyList<Scenario> DefaultScenarios { get; } =
        [Scenario.Baseline, Scenario.LocationShift("se", "no", "is", "fr"), Scenario.CarbonAware(0.3), Scenario.EfficientHardware(0.5)];
}
