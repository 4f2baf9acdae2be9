using Cradle.Syntax;

namespace Cradle.Studies.Definition;

/// <summary>
/// A background database a study links to (<c>background:</c>): an openLCA JSON-LD package, or a Cradle background file
/// made by <c>cradle import openlca-jsonld … -o</c>, with the name and version results cite it by; or (<see cref="Store"/>)
/// a background file kept in the run store by <c>cradle import openlca-jsonld … --store</c>.
/// </summary>
/// <param name="Id">The key links name it by.</param>
/// <param name="File">The file or folder, relative to the study file; null when the database is named in the store.</param>
/// <param name="FileLocation">Where the file (or the store's name) was written.</param>
/// <param name="Name">The database's name as the study states it (required for a plain package; checked against a Cradle file's).</param>
/// <param name="Version">Its version, likewise; with <see cref="Store"/>, which version of the name is used (optional
/// when the store keeps one).</param>
/// <param name="Location">Where the entry starts.</param>
public sealed record BackgroundDatabaseDefinition(string Id, string? File, SourceLocation FileLocation, string? Name, string? Version, SourceLocation Location)
{
    /// <summary>The name of a background database kept in the run store (<c>store: NAME</c>); null for a file.</summary>
    public string? Store { get; init; }

    /// <summary>The field that says where the database is: "file" or "store" (where an error about the database itself is shown).</summary>
    public string SourceField => Store is null ? "file" : "store";

    /// <summary>How the database is named in messages: its file, or "NAME (version V) in the store".</summary>
    public string Described => Store is null ? $"'{File}'" : $"'{Store}'{(Version is null ? "" : $" version {Version}")} in the store";

    /// <summary>
    /// How Monte Carlo treats the database: null or "fixed" (solved once at its stated amounts; the default, partitioned),
    /// or "sampled" (<see cref="Draws"/> realisations drawn from its exchanges' uncertainties, one picked per draw).
    /// </summary>
    public string? MonteCarlo { get; init; }

    /// <summary>With "sampled": how many realisations of the background are drawn (default 1,000).</summary>
    public int Draws { get; init; } = DefaultDraws;

    /// <summary>Realisations drawn when the study does not say.</summary>
    public const int DefaultDraws = 1_000;

    /// <summary>Whether the background is sampled.</summary>
    public bool Sampled => MonteCarlo == "sampled";
}

/// <summary>Where a link's figures go.</summary>
public enum BackgroundLinkTarget
{
    /// <summary>A grid's impacts per kWh (<c>grids.G.per_kwh</c>).</summary>
    GridPerKilowattHour,

    /// <summary>A device's cradle-to-gate impacts, per device (<c>devices.D.embodied</c>).</summary>
    DeviceEmbodied,

    /// <summary>A device's end-of-life impacts, per device (<c>devices.D.end_of_life</c>).</summary>
    DeviceEndOfLife,

    /// <summary>A stage's footprint, in all (<c>stages.S.footprint</c>).</summary>
    StageFootprint,
}

/// <summary>
/// A link from a figure of the study to a provider of a background database
/// (<c>{from_background: DB, process: NAME-OR-ID, amount: QUANTITY}</c>): the provider's impacts per unit of its product,
/// times the amount of it that one unit of the target takes (one kWh, one device, the stage).
/// </summary>
/// <param name="Target">Which figures the link gives.</param>
/// <param name="OwnerId">The grid, device or stage.</param>
/// <param name="Field">The mapping's field path, e.g. "grids.us.per_kwh".</param>
/// <param name="DatabaseId">The <c>background:</c> key.</param>
/// <param name="DatabaseLocation">Where it was written.</param>
/// <param name="Process">The process linked to, by id or name (null when a product system is named).</param>
/// <param name="ProductSystem">The product system linked to, by id or name (null when a process is named).</param>
/// <param name="ProviderLocation">Where the process or product system was written.</param>
/// <param name="Amount">How much of the provider's product one unit of the target takes, as written (null: the default of the target).</param>
/// <param name="AmountLocation">Where the amount was written.</param>
/// <param name="Location">Where the link starts.</param>
public sealed record BackgroundLinkDefinition(
    BackgroundLinkTarget Target, string OwnerId, string Field, string DatabaseId, SourceLocation DatabaseLocation,
    string? Process, string? ProductSystem, SourceLocation ProviderLocation, string? Amount, SourceLocation? AmountLocation, SourceLocation Location)
{
    /// <summary>A note from the study, kept beside the link's provenance.</summary>
    public string? Note { get; init; }

    /// <summary>Uncertainty the study puts on every figure the link gives (the background itself is held fixed).</summary>
    public UncertaintyDefinition? Uncertainty { get; init; }

    /// <summary>The indicators the same mapping states itself; the link must not give them too.</summary>
    public IReadOnlyList<string> StatedBeside { get; init; } = [];
}
