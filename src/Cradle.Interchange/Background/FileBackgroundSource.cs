using System.Globalization;
using Cradle.Core;
using Cradle.Core.Engine;
using Cradle.Interchange.Reading;
using Cradle.Studies.Background;
using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;
using Cradle.Store;
using Cradle.Store.Backgrounds;

namespace Cradle.Interchange.Background;

/// <summary>
/// The command line's background source: opens each database a study names once (a Cradle background file or a plain
/// openLCA package, relative to the study's folder), and solves a provider on demand — a process as part of the database
/// linked as one system (<see cref="LinkedDatabase"/>), a product system with its own links
/// (<see cref="BackgroundInventorySolver"/>) — then characterises the provider's inventory with the catalog's indicators
/// (<see cref="CatalogFlowMapping"/>). Every number handed back says how it was made. A database named with
/// <c>store:</c> is read from <paramref name="store"/> (the run store the command opened), with the same checks.
/// </summary>
/// <param name="studyDirectory">The study's folder, which <c>file:</c> is relative to; null where no file is read (the
/// server: <see cref="ReadsFiles"/> is false, and a <c>file:</c> database is refused before it reaches this source).</param>
/// <param name="store">Opens the run store <c>store:</c> databases are read from, when one is first named (a
/// <see cref="StoreException"/> or <see cref="Studies.Runs.RunSourceException"/> says why it cannot); null when the command has none.</param>
public sealed class FileBackgroundSource(string? studyDirectory, Func<IBackgroundStore>? store = null) : IBackgroundSource
{
    private readonly Dictionary<string, OpenedDatabase> _opened = new(StringComparer.Ordinal);

    /// <summary>A source that serves only databases kept in <paramref name="store"/> and reads no file (the server's).</summary>
    public static FileBackgroundSource StoreOnly(IBackgroundStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new FileBackgroundSource(null, () => store);
    }

    /// <inheritdoc/>
    public bool ReadsFiles => studyDirectory is not null;

    /// <inheritdoc/>
    public BackgroundProvider Resolve(BackgroundDatabaseDefinition database, string? process, string? productSystem, IndicatorSet indicators)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(indicators);
        var opened = Open(database);
        var (name, version) = Identity(database, opened);
        if (process is not null)
        {
            return ForProcess(opened, name, version, process, indicators, database.Sampled ? database.Draws : null);
        }
        if (database.Sampled)
        {
            throw new BackgroundSourceException(
                "a sampled background is drawn for process links (the database linked as one system); link a process, or write 'monte_carlo: fixed' for this database.");
        }
        return ForProductSystem(opened, name, version, productSystem ?? throw new ArgumentException("Name a process or a product system.", nameof(productSystem)), indicators);
    }

    private OpenedDatabase Open(BackgroundDatabaseDefinition database)
    {
        if (database.Store is { } stored)
        {
            return OpenStored(stored, database.Version);
        }
        if (studyDirectory is null || database.File is null)
        {
            throw new BackgroundSourceException(
                $"background database files are read only by the command line (the server reads no file a study names); assess this study with 'cradle assess', or keep the database in the store and name it with 'store:'.",
                withFile: true);
        }
        var path = Path.GetFullPath(Path.Combine(studyDirectory, database.File));
        if (_opened.TryGetValue(path, out var opened))
        {
            return opened;
        }
        try
        {
            var (manifest, sha, db) = BackgroundDatabaseFile.Open(path);
            return _opened[path] = new OpenedDatabase(manifest, sha, db);
        }
        catch (OpenLcaPackageException e)
        {
            throw new BackgroundSourceException($"the background database '{database.File}' cannot be used: {e.Message}", withFile: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackgroundSourceException($"cannot read the background database '{database.File}': {e.Message}", withFile: true);
        }
    }

    private OpenedDatabase OpenStored(string name, string? version)
    {
        if (store is null)
        {
            throw new BackgroundSourceException(
                $"this study names background database '{name}' in the store; give --store (the run store 'cradle import openlca-jsonld … --store' kept it in).",
                withFile: true);
        }
        var key = $"store:{name}\n{version}";
        if (_opened.TryGetValue(key, out var opened))
        {
            return opened;
        }
        var label = $"background database '{name}'{(version is null ? "" : $" version {version}")} in the store";
        try
        {
            var backgrounds = store();
            var kept = backgrounds.FindBackground(name, version)
                ?? throw new BackgroundSourceException(
                    $"no {label}{Kept(backgrounds, name)}; keep it with 'cradle import openlca-jsonld PACKAGE --name {name} --version VERSION --store …'.",
                    withFile: true);
            var content = backgrounds.GetBackgroundContent(kept.Name, kept.Version)
                ?? throw new BackgroundSourceException($"the {label} was deleted while it was read; keep it again.", withFile: true);
            var (manifest, sha, db) = BackgroundDatabaseFile.Open(content, $"{label} (version {kept.Version})");
            return _opened[key] = new OpenedDatabase(manifest, sha, db);
        }
        catch (Exception e) when (e is StoreException or Studies.Runs.RunSourceException)
        {
            throw new BackgroundSourceException($"the {label} cannot be read: {e.Message}", withFile: true);
        }
        catch (OpenLcaPackageException e)
        {
            throw new BackgroundSourceException($"the {label} cannot be used: {e.Message}", withFile: true);
        }
    }

    // Which versions of the name are kept, for the message when the one asked for is not.
    private static string Kept(IBackgroundStore store, string name)
    {
        var versions = store.ListBackgrounds().Where(b => b.Name == name).Select(b => b.Version).ToList();
        return versions.Count == 0 ? "" : $" (kept: version {string.Join(", ", versions)})";
    }

    // The name and version results cite: the Cradle file's, which the study may restate; a plain package's, from the study.
    private static (string Name, string Version) Identity(BackgroundDatabaseDefinition database, OpenedDatabase opened)
    {
        if (opened.Manifest is { } manifest)
        {
            if ((database.Name is { } n && n != manifest.Name) || (database.Version is { } v && v != manifest.Version))
            {
                throw new BackgroundSourceException(
                    $"the file holds '{manifest.Name}' version {manifest.Version}, but the study says '{database.Name ?? manifest.Name}' version {database.Version ?? manifest.Version}; correct the study (or leave name and version out: the file states them).",
                    withFile: true);
            }
            return (manifest.Name, manifest.Version);
        }
        if (database.Name is null || database.Version is null)
        {
            throw new BackgroundSourceException(
                $"{database.Described} is a plain openLCA package, which does not say which database and version it is: state background.{database.Id}.name and .version (results cite them), or keep it with 'cradle import openlca-jsonld PACKAGE --name NAME --version VERSION -o FILE'.",
                withFile: true);
        }
        return (database.Name, database.Version);
    }

    private static BackgroundProvider ForProcess(OpenedDatabase opened, string name, string version, string reference, IndicatorSet indicators, int? draws)
    {
        var db = opened.Database;
        var process = Find(db.Processes.Values, p => p.Id, p => p.Name, reference, "process", name);
        var linked = opened.Linked ??= LinkedDatabase.Link(db);
        if (!linked.ColumnOf.TryGetValue(process.Id, out var column))
        {
            throw new BackgroundSourceException(
                $"the process '{process.Name}' cannot be linked: {LinkedDatabase.Why(db, process)}; link a product system of the database that includes it, or a process with one product output.");
        }
        var demand = new double[linked.Columns.Count];
        demand[column] = 1;
        double[] scaling;
        try
        {
            scaling = ScalingSolver.Solve(linked.Inputs, demand, j => linked.Columns[j].Process.Name);
        }
        catch (EngineException e)
        {
            throw new BackgroundSourceException($"the database's linked system cannot be solved for '{process.Name}': {e.Message}");
        }
        var inventory = new double[linked.Flows.Count];
        for (var j = 0; j < scaling.Length; j++)
        {
            if (scaling[j] != 0)
            {
                foreach (var (row, value) in linked.Biosphere.Column(j))
                {
                    inventory[row] += value * scaling[j];
                }
            }
        }
        var product = db.Flows[linked.Columns[column].Reference.FlowId];
        var uncertain = linked.Entries.Count(e => e.Uncertainty is not null);
        var solved = string.Create(CultureInfo.InvariantCulture,
            $"solved as one linked system of the database ({linked.Columns.Count} activities linked by default provider, else the only maker; the database's {linked.CutOffs} cut-off and {linked.Unlinked} unlinked inputs count nothing; {linked.LeftOut.Count} processes left out, see 'cradle scores')");
        var factors = IndicatorFactors.For(db, linked.Flows, indicators);
        var provider = Characterise(opened, name, version, "process", process.Id, process.Name, product, linked.Flows, inventory, factors, solved);
        if (draws is not { } count)
        {
            return provider with { UncertainExchanges = uncertain };
        }
        if (uncertain == 0)
        {
            throw new BackgroundSourceException(
                $"the database states no uncertainty on any exchange, so there is nothing to sample: write 'monte_carlo: fixed' (the default) for it.", withFile: true);
        }
        return provider with
        {
            UncertainExchanges = uncertain,
            Realisations = ProcessRealisations.Draw(linked, column, factors, count),
            Solved = string.Create(CultureInfo.InvariantCulture, $"{solved}; sampled: {count} realisations drawn from the {uncertain} exchanges with a stated uncertainty, the factorisation's structure reused"),
        };
    }

    private static BackgroundProvider ForProductSystem(OpenedDatabase opened, string name, string version, string reference, IndicatorSet indicators)
    {
        var db = opened.Database;
        var system = Find(db.ProductSystems.Values, s => s.Id, s => s.Name, reference, "product system", name);
        BackgroundInventory inventory;
        try
        {
            inventory = BackgroundInventorySolver.Solve(db, system);
        }
        catch (Exception e) when (e is OpenLcaPackageException or EngineException)
        {
            throw new BackgroundSourceException($"the product system '{system.Name}' cannot be solved: {e.Message}");
        }
        var referenceProcess = db.Processes[system.ReferenceProcessId];
        var product = db.Flows[referenceProcess.Exchanges.First(e => e.InternalId == system.ReferenceExchangeInternalId).FlowId];
        var perUnit = 1 / inventory.TargetReferenceAmount;
        var flows = inventory.Flows.Keys.Select(id => db.Flows[id]).ToList();
        // The solver nets inputs from nature as negative; a resource consumed counts positively in the catalog's indicators.
        var amounts = flows.Select(f => inventory.Flows[f.Id] * perUnit * (CatalogFlowMapping.Compartment(f) == "resource" ? -1 : 1)).ToArray();
        var solved = string.Create(CultureInfo.InvariantCulture,
            $"solved with the product system's own {system.Links.Count} process links ({inventory.ProcessScaling.Count} processes) for its target {inventory.TargetReferenceAmount:R} {CatalogFlowMapping.ReferenceUnitName(db, product)}, per unit; inputs it does not link are cut off, as in openLCA");
        return Characterise(opened, name, version, "product system", system.Id, system.Name, product, flows, amounts, IndicatorFactors.For(db, flows, indicators), solved);
    }

    private static BackgroundProvider Characterise(
        OpenedDatabase opened, string name, string version, string kind, string id, string providerName, BackgroundFlow product,
        IReadOnlyList<BackgroundFlow> flows, double[] inventory, IndicatorFactors factors, string solved)
    {
        var present = Enumerable.Range(0, flows.Count).Where(f => inventory[f] != 0).ToList();
        var unmapped = new SortedSet<string>(present.Where(f => !factors.Characterised[f]).Select(f => flows[f].Name), StringComparer.Ordinal);
        var unit = CatalogFlowMapping.ReferenceUnitName(opened.Database, product)
            ?? throw new BackgroundSourceException($"the {kind}'s product '{product.Name}' has no reference unit in the database, so its impacts are per nothing known.");
        var characterisation = string.Create(CultureInfo.InvariantCulture,
            $"characterised with the catalog's methods: {present.Count(f => factors.Characterised[f])} of {present.Count} elementary flows of its inventory matched by name and compartment");
        return new BackgroundProvider(name, version, opened.Sha256, kind, id, providerName, product.Name, unit, factors.Score(inventory), solved, characterisation, [.. unmapped]);
    }

    // By id, else by exact name (case-insensitive); several of one name must be told apart by id.
    private static T Find<T>(IEnumerable<T> all, Func<T, string> id, Func<T, string> nameOf, string reference, string what, string database)
    {
        var list = all.ToList();
        if (list.FirstOrDefault(x => id(x) == reference) is { } byId)
        {
            return byId;
        }
        var named = list.Where(x => string.Equals(nameOf(x), reference, StringComparison.OrdinalIgnoreCase)).ToList();
        return named.Count switch
        {
            1 => named[0],
            0 => throw new BackgroundSourceException($"no {what} '{reference}' in '{database}'{NameSuggestions.Hint(reference, list.Select(nameOf))}."),
            _ => throw new BackgroundSourceException(
                $"{named.Count} {(what == "process" ? "processes" : what + "s")} are named '{reference}' in '{database}' ({string.Join(", ", named.Select(id))}); name one by its id."),
        };
    }

    private sealed class OpenedDatabase(BackgroundManifest? manifest, string sha256, BackgroundDatabase database)
    {
        public BackgroundManifest? Manifest { get; } = manifest;

        public string Sha256 { get; } = sha256;

        public BackgroundDatabase Database { get; } = database;

        public LinkedDatabase? Linked { get; set; }
    }
}
