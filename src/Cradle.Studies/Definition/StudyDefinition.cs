using Cradle.Syntax;

namespace Cradle.Studies.Definition;

/// <summary>A study as read from its file: every section, with positions for error messages.</summary>
public sealed record StudyDefinition
{
    /// <summary>The file name as given by the user.</summary>
    public required string File { get; init; }
    /// <summary>Short title.</summary>
    public required string Name { get; init; }
    /// <summary>Longer description.</summary>
    public string? Description { get; init; }
    /// <summary>Goal of the study (ISO 14044 4.2.2).</summary>
    public required GoalDefinition Goal { get; init; }
    /// <summary>The functional unit all results refer to.</summary>
    public required FunctionalUnitDefinition FunctionalUnit { get; init; }
    /// <summary>Stages inside and outside the system boundary.</summary>
    public required SystemBoundaryDefinition Boundary { get; init; }
    /// <summary>Indicator ids to report; empty means every indicator the data supports.</summary>
    public required IReadOnlyList<(string Id, SourceLocation Location)> ImpactCategories { get; init; }
    /// <summary>User parameters.</summary>
    public required IReadOnlyList<ParameterEntry> Parameters { get; init; }
    /// <summary>Device types defined inline.</summary>
    public required IReadOnlyList<DeviceDefinition> Devices { get; init; }
    /// <summary>Hardware fleets (device, node, lifespan, utilisation).</summary>
    public required IReadOnlyList<HardwareDefinition> Hardware { get; init; }
    /// <summary>Electricity grids defined inline.</summary>
    public required IReadOnlyList<GridDefinition> Grids { get; init; }
    /// <summary>Sites (grid, PUE, WUE).</summary>
    public required IReadOnlyList<SiteDefinition> Sites { get; init; }
    /// <summary>Pre-deployment stages (experimentation, training, …).</summary>
    public required IReadOnlyList<StageDefinition> Stages { get; init; }
    /// <summary>The serving stage, if the model is served.</summary>
    public InferenceDefinition? Inference { get; init; }
    /// <summary>Alternatives that override parameters and share the functional unit.</summary>
    public required IReadOnlyList<AlternativeDefinition> Alternatives { get; init; }
    /// <summary>Interpretation settings.</summary>
    public required InterpretationDefinition Interpretation { get; init; }
    /// <summary>The water formula (<c>water_convention</c>); <see cref="WaterConvention.Default"/> when not written.</summary>
    public WaterConvention Water { get; init; } = WaterConvention.Default;
    /// <summary>Catalog files that extend or override the shipped catalog, relative to the study file.</summary>
    public IReadOnlyList<(string Path, SourceLocation Location)> CatalogFiles { get; init; } = [];
    /// <summary>
    /// The quality and latency the study as written is shown to deliver (<c>delivers:</c>), or null when it states
    /// none; each alternative's <see cref="AlternativeDefinition.Delivers"/> replaces the parts it states.
    /// </summary>
    public DeliveredService? Delivers { get; init; }
    /// <summary>Background databases the study links to (<c>background:</c>), by key.</summary>
    public IReadOnlyList<BackgroundDatabaseDefinition> Background { get; init; } = [];
    /// <summary>
    /// Figures the study takes from a background database (<c>from_background</c>), resolved once the catalog is loaded
    /// (<see cref="Background.BackgroundLinker"/>); until then the figures they give are not in the definitions.
    /// </summary>
    public IReadOnlyList<BackgroundLinkDefinition> BackgroundLinks { get; init; } = [];
}

/// <summary>A named user parameter.</summary>
/// <param name="Name">Name used in expressions.</param>
/// <param name="Value">The value or expression.</param>
/// <param name="Unit">The declared unit for an expression, if given.</param>
/// <param name="UnitLocation">Where the unit was written.</param>
/// <param name="Description">What it is.</param>
public sealed record ParameterEntry(string Name, Datum Value, string? Unit, SourceLocation? UnitLocation, string? Description);

/// <summary>Interpretation settings.</summary>
/// <param name="SignificanceThreshold">Share of a category total above which a stage is a significant issue.</param>
/// <param name="LifetimeGrid">Lifetime numbers of inferences at which to tabulate the per-request cost.</param>
public sealed record InterpretationDefinition(double SignificanceThreshold, IReadOnlyList<double> LifetimeGrid);

/// <summary>An alternative design: parameter overrides, same functional unit.</summary>
/// <param name="Id">Id.</param>
/// <param name="Description">What differs.</param>
/// <param name="Overrides">Parameters replaced in this alternative.</param>
/// <param name="Location">Where it is defined.</param>
public sealed record AlternativeDefinition(string Id, string? Description, IReadOnlyList<ParameterEntry> Overrides, SourceLocation Location)
{
    /// <summary>
    /// Conventions this alternative changes (<c>conventions:</c>), in the order written: what a declared energy covers,
    /// whether PUE applies to it, and the water formula. Empty when it changes none.
    /// </summary>
    public IReadOnlyList<ConventionSetting> Conventions { get; init; } = [];

    /// <summary>
    /// The quality and latency this alternative is shown to deliver (<c>delivers:</c>), replacing the study's for
    /// the parts it states; null when it states none.
    /// </summary>
    public DeliveredService? Delivers { get; init; }
}

/// <summary>
/// One convention an alternative sets: <c>stages.pre-training.energy.boundary: node</c>,
/// <c>inference.energy_per_request.pue: apply</c>, <c>water: li-2023</c>, <c>water.offsite: it-energy-times-pue</c>.
/// </summary>
/// <param name="Key">The dotted key as written (a nested mapping is joined with dots).</param>
/// <param name="Value">The value as written.</param>
/// <param name="KeyLocation">Where the key is written.</param>
/// <param name="ValueLocation">Where the value is written.</param>
public sealed record ConventionSetting(string Key, string Value, SourceLocation KeyLocation, SourceLocation ValueLocation);
