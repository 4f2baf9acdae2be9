using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;

namespace Cradle.Studies.Background;

/// <summary>
/// Opens the background databases a study links to and gives a provider's impacts per unit of its product. The CLI's
/// source reads files relative to the study (Cradle.Interchange); the server has none, so links are refused there as
/// its own <c>catalog:</c> files are (a request names no file the server reads).
/// </summary>
public interface IBackgroundSource
{
    /// <summary>
    /// The provider <paramref name="process"/> (or <paramref name="productSystem"/>) of <paramref name="database"/>,
    /// with its impacts per unit of its product for those of <paramref name="indicators"/> its inventory reaches
    /// (the catalog's flows, <see cref="IndicatorSet.Flows"/>, are what the database's elementary flows are matched to).
    /// </summary>
    /// <exception cref="BackgroundSourceException">The database cannot be opened, or names no such provider (with the closest names).</exception>
    BackgroundProvider Resolve(BackgroundDatabaseDefinition database, string? process, string? productSystem, IndicatorSet indicators);

    /// <summary>
    /// Whether this source reads database files a study names (<c>file:</c>); the server's source does not (it serves
    /// only databases kept in its run store, <c>store:</c>), and a <c>file:</c> link is refused as
    /// <c>background-unavailable</c> before it is asked.
    /// </summary>
    bool ReadsFiles => true;
}

/// <summary>A provider of a background database, solved, with how.</summary>
/// <param name="DatabaseName">The database's name (the Cradle file's, or as the study states it for a plain package).</param>
/// <param name="DatabaseVersion">Its version.</param>
/// <param name="PackageSha256">SHA-256 of the package's entries, which pins the data used.</param>
/// <param name="Kind">"process" or "product system".</param>
/// <param name="Id">The provider's id in the database.</param>
/// <param name="Name">Its name.</param>
/// <param name="ProductName">The product it provides.</param>
/// <param name="ProductUnit">The reference unit its impacts are per (openLCA's name, e.g. "MJ", "kg", "Item(s)").</param>
/// <param name="PerUnit">Indicator id → impact per <paramref name="ProductUnit"/>, in the indicator's unit; only indicators with at least one characterised flow in the inventory.</param>
/// <param name="Solved">How the provider's inventory was computed (linking, size, cut-offs).</param>
/// <param name="Characterisation">How the inventory's flows were characterised.</param>
/// <param name="Unmapped">Elementary flows of the inventory that no indicator characterises (names), listed rather than hidden.</param>
public sealed record BackgroundProvider(
    string DatabaseName, string DatabaseVersion, string PackageSha256, string Kind, string Id, string Name, string ProductName, string ProductUnit,
    IReadOnlyDictionary<string, double> PerUnit, string Solved, string Characterisation, IReadOnlyList<string> Unmapped)
{
    /// <summary>
    /// With a sampled database (<see cref="BackgroundDatabaseDefinition.Sampled"/>): <see cref="PerUnit"/> in each of its
    /// realisations (the exchanges drawn from their stated distributions, the system solved again); null when fixed.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>>? Realisations { get; init; }

    /// <summary>How many exchanges of the linked system have a stated uncertainty (what the realisations draw).</summary>
    public int UncertainExchanges { get; init; }
}

/// <summary>A background database or provider that cannot be used, with what the user should do.</summary>
public sealed class BackgroundSourceException : Exception
{
    /// <summary>A problem with the provider named (not with the database file).</summary>
    public BackgroundSourceException(string message) : base(message) { }

    /// <summary>A problem with the provider or, when <paramref name="withFile"/>, with the database file itself.</summary>
    public BackgroundSourceException(string message, bool withFile) : base(message) => WithFile = withFile;

    /// <summary>Not used.</summary>
    public BackgroundSourceException() { }

    /// <summary>Not used.</summary>
    public BackgroundSourceException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Whether the database file (not the provider) is at fault: the error is shown at <c>background.ID.file</c>.</summary>
    public bool WithFile { get; }
}
