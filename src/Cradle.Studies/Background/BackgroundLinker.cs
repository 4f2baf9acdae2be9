using System.Globalization;
using Cradle.Core;
using Cradle.Core.Parameters;
using Cradle.Core.Units;
using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Background;

/// <summary>
/// Resolves a study's <c>from_background</c> links once the catalog's indicators are known: each link becomes ordinary
/// figures (a grid's per-kWh factors, a device's embodied impacts, a stage's footprint) with a source naming the
/// database, its version and SHA-256, and the provider, so the rest of the compiler, the inputs list and the reports
/// treat them as any other modelled input. The background is solved here, once (partitioned): a Monte Carlo run draws
/// the foreground, and the link's figures only through the uncertainty the study puts on the link.
/// </summary>
public static class BackgroundLinker
{
    /// <summary>
    /// <paramref name="study"/> with its links' figures in place, and the warnings; figures stated beside a link win over
    /// the link's for the same indicator. Throws <see cref="StudyException"/> listing every link that cannot be resolved.
    /// </summary>
    public static (StudyDefinition Study, IReadOnlyList<InputProblem> Warnings) Apply(StudyDefinition study, IndicatorSet indicators, IBackgroundSource? source)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(indicators);
        var problems = new ProblemList();
        if (study.BackgroundLinks.Count == 0)
        {
            return (study, []);
        }
        var figures = new Dictionary<(BackgroundLinkTarget, string), Dictionary<string, Datum>>();
        foreach (var link in study.BackgroundLinks)
        {
            if (Resolve(study, link, indicators, source, problems) is { } given)
            {
                figures[(link.Target, link.OwnerId)] = given;
            }
        }
        problems.ThrowIfErrors();
        return (Merge(study, figures), problems.All);
    }

    private static Dictionary<string, Datum>? Resolve(StudyDefinition study, BackgroundLinkDefinition link, IndicatorSet indicators, IBackgroundSource? source, ProblemList problems)
    {
        var database = study.Background.FirstOrDefault(d => d.Id == link.DatabaseId);
        if (database is null)
        {
            problems.Error("unknown-background", link.DatabaseLocation, $"{link.Field}.from_background",
                $"no background database '{link.DatabaseId}' in the study's 'background:' section"
                + (study.Background.Count == 0 ? "; declare it there with its file, name and version." : NameSuggestions.Hint(link.DatabaseId, study.Background.Select(d => d.Id)) + "."));
            return null;
        }
        if (source is null || (database.Store is null && !source.ReadsFiles))
        {
            problems.Error("background-unavailable", link.DatabaseLocation, $"{link.Field}.from_background",
                database.Store is null
                    ? "background databases are read from files next to the study, which only the command line reads (the server reads no file a study names); assess this study with 'cradle assess', or keep the database in the run store and name it with 'store:'."
                    : $"background database '{database.Store}' is kept in a run store, and none is open here; assess this study with a run store (--store).");
            return null;
        }
        var (per, defaultAmount) = link.Target switch
        {
            BackgroundLinkTarget.GridPerKilowattHour => ("/kWh", "1 kWh"),
            BackgroundLinkTarget.StageFootprint => ("", null),
            _ => ("", "1 item"),
        };
        var amountText = link.Amount ?? defaultAmount;
        if (amountText is null)
        {
            problems.Error("missing-field", link.Location, $"{link.Field}.amount",
                "this field is required: how much of the provider's product the stage takes in all, e.g. '1200 kg' or '3.5 MWh'.");
            return null;
        }
        BackgroundProvider provider;
        try
        {
            provider = source.Resolve(database, link.Process, link.ProductSystem, indicators);
        }
        catch (BackgroundSourceException e)
        {
            var (where, field) = e.WithFile ? (database.FileLocation, $"background.{database.Id}.{database.SourceField}") : (link.ProviderLocation, $"{link.Field}.{(link.Process is null ? "product_system" : "process")}");
            problems.Error("background-provider", where, field, e.Message);
            return null;
        }
        if (Amount(link, amountText, provider, problems) is not { } amount)
        {
            return null;
        }
        if (database.Sampled && link.Uncertainty is not null)
        {
            problems.Error("uncertainty-with-sampled-background", link.Uncertainty.Location, $"{link.Field}.uncertainty",
                $"background '{database.Id}' is sampled: its realisations are this link's uncertainty; remove this one, or make the database 'monte_carlo: fixed'.");
            return null;
        }
        var given = new Dictionary<string, Datum>(StringComparer.Ordinal);
        var source_ = string.Create(CultureInfo.InvariantCulture,
            $"background database '{provider.DatabaseName}' version {provider.DatabaseVersion} (package SHA-256 {provider.PackageSha256[..Math.Min(12, provider.PackageSha256.Length)]}…), {provider.Kind} '{provider.Name}' ({provider.Id})");
        foreach (var (indicatorId, perUnit) in provider.PerUnit.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (link.StatedBeside.Contains(indicatorId) || indicators.Find(indicatorId) is not { } indicator)
            {
                continue;
            }
            var value = perUnit * amount;
            var note = string.Create(CultureInfo.InvariantCulture,
                $"{amountText}{per switch { "/kWh" => " per kWh", _ => "" }} of '{provider.ProductName}' = {InvariantNumber.Format(amount)} {provider.ProductUnit} × {InvariantNumber.Format(perUnit)} {indicator.Unit.Symbol} per {provider.ProductUnit}; {provider.Solved}; {provider.Characterisation}");
            given[indicatorId] = new Datum(string.Create(CultureInfo.InvariantCulture, $"{value:R} {indicator.Unit.Symbol}{per}"), link.ProviderLocation,
                DataOrigin.Modelled, source_, link.Note is null ? note : $"{link.Note} ({note})")
            {
                Uncertainty = provider.Realisations is { } drawn ? Sampled(database, provider, drawn, indicatorId, amount, link) : link.Uncertainty,
            };
        }
        foreach (var (id, _) in study.ImpactCategories.Where(c => !given.ContainsKey(c.Id) && !link.StatedBeside.Contains(c.Id)))
        {
            problems.Warning("background-not-characterised", link.ProviderLocation, link.Field,
                $"the background {provider.Kind} '{provider.Name}' gives no '{id}' figure: no elementary flow of its inventory has a factor in that category"
                + (provider.Unmapped.Count > 0 ? $" (not characterised: {string.Join(", ", provider.Unmapped.Take(5))}{(provider.Unmapped.Count > 5 ? ", …" : "")})" : "")
                + "; state it beside the link if a source gives it.");
        }
        return given;
    }

    // The link's figure in each realisation of a sampled background (a realisation that reaches no flow of the category gives 0: its flows netted out).
    private static UncertaintyDefinition Sampled(
        BackgroundDatabaseDefinition database, BackgroundProvider provider, IReadOnlyList<IReadOnlyDictionary<string, double>> drawn, string indicatorId, double amount, BackgroundLinkDefinition link) =>
        new("background-sample", null, null, null, null, null, null, null, null, link.ProviderLocation)
        {
            Sample = new SampledRealisations(database.Id, [.. drawn.Select(r => r.GetValueOrDefault(indicatorId) * amount)],
                string.Create(CultureInfo.InvariantCulture, $"{drawn.Count} realisations of background database '{provider.DatabaseName}' ({provider.UncertainExchanges} uncertain exchanges)")),
        };

    // How much of the provider's product one unit of the target takes, in the provider's reference unit.
    private static double? Amount(BackgroundLinkDefinition link, string text, BackgroundProvider provider, ProblemList problems)
    {
        var location = link.AmountLocation ?? link.Location;
        if (!Quantity.TryParse(text, out var quantity, out var error) || !double.IsFinite(quantity.Value) || quantity.Value <= 0)
        {
            problems.Error("background-amount", location, $"{link.Field}.amount",
                $"expected a positive quantity of the provider's product (in {provider.ProductUnit} or a unit of its kind), found '{Printable.Escape(text)}'{(error is null ? "" : $": {error}")}.");
            return null;
        }
        var unit = ProductUnit(provider.ProductUnit);
        if (unit is null)
        {
            problems.Error("background-amount", location, $"{link.Field}.amount",
                $"the provider's product '{provider.ProductName}' is counted in '{provider.ProductUnit}', a unit Cradle cannot convert to; link a provider whose product is in a mass, energy, volume, area, length, time or item unit.");
            return null;
        }
        if (quantity.Dimension != unit.Dimension)
        {
            problems.Error("background-amount", location, $"{link.Field}.amount",
                $"'{Printable.Escape(text)}' is {quantity.Unit.Describe()}, but the provider's product '{provider.ProductName}' is counted in {provider.ProductUnit} ({unit.Dimension}); "
                + (link.Amount is null ? "write 'amount:' in a unit of that kind (how much of it one unit here takes)." : "give the amount in a unit of that kind."));
            return null;
        }
        return unit.FromBase(quantity.BaseValue);
    }

    // openLCA's reference unit names as Cradle units ("Item(s)" is openLCA's piece count).
    private static Unit? ProductUnit(string name) => name.Trim() switch
    {
        "Item(s)" or "Items" or "item" or "pcs" or "p" => KnownUnits.Find("item"),
        var other => UnitParser.TryParse(other, out _),
    };

    private static StudyDefinition Merge(StudyDefinition study, Dictionary<(BackgroundLinkTarget, string), Dictionary<string, Datum>> figures)
    {
        Dictionary<string, Datum> With(BackgroundLinkTarget target, string id, IReadOnlyDictionary<string, Datum> stated)
        {
            var merged = new Dictionary<string, Datum>(figures.GetValueOrDefault((target, id)) ?? [], StringComparer.Ordinal);
            foreach (var (key, datum) in stated)
            {
                merged[key] = datum; // stated beside the link: the study's own figure
            }
            return merged;
        }
        return study with
        {
            Grids = [.. study.Grids.Select(g => g with { PerKilowattHour = With(BackgroundLinkTarget.GridPerKilowattHour, g.Id, g.PerKilowattHour) })],
            Devices = [.. study.Devices.Select(d => d with
            {
                Embodied = With(BackgroundLinkTarget.DeviceEmbodied, d.Id, d.Embodied),
                EndOfLife = With(BackgroundLinkTarget.DeviceEndOfLife, d.Id, d.EndOfLife),
            })],
            Stages = [.. study.Stages.Select(s => figures.TryGetValue((BackgroundLinkTarget.StageFootprint, s.Id), out var linked)
                ? s with { Footprint = [.. linked.Select(f => new DeclaredFigure(f.Key, f.Value, null, f.Value.Location)), .. s.Footprint] }
                : s)],
        };
    }
}
