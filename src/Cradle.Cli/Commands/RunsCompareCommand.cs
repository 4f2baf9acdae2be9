using System.CommandLine;
using System.Globalization;
using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Cli.Rendering;
using Cradle.Runs;
using Cradle.Core.Units;
using Cradle.Store;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle runs compare</c>: runs side by side per request (energy, CO2e, ESS), sortable.</summary>
internal static class RunsCompareCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var runs = new Argument<string[]>("RUN") { Description = "Runs by id or name; none: every complete run with a request count.", Arity = ArgumentArity.ZeroOrMore };
        var store = StoreOption.ForRuns();
        var site = new Option<string?>("--site") { Description = "A catalog grid or cloud region (e.g. DE): its default gwp100 (g CO2e/kWh) prices each run's energy." };
        var sort = new Option<string>("--sort") { Description = "energy, co2e (ascending), ess (descending) or model (by name); unavailable figures last.", DefaultValueFactory = _ => "energy" };
        sort.AcceptOnlyFromAmong("energy", "co2e", "ess", "model");
        var qf = new Option<string[]>("--qf")
        {
            Description = "PRECISION=FACTOR, repeatable: the quantisation factor for the ESS(QF) variant (the paper's values were not " +
                "found in any accessible source, so Cradle has no defaults).",
        };
        var format = new Option<string>("--format", "-f") { Description = "'table' for people, 'json' (schema cradle.runs-compare/1) for programs.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("compare",
            "Compare runs per request: model, precision, requests, energy per request (J), CO2e per request (g, with --site), ESS " +
            "(millions of parameters per g CO2e per request; plain and with --qf) and the measured share of the energy. A figure " +
            "that cannot be given is '–' with a numbered footnote saying why, never 0. " + ExitCodes.Help) { runs, store, site, sort, qf, format };
        command.SetAction(async (parse, _) =>
        {
            var factors = ParseFactors(parse.GetValue(qf) ?? [], error);
            if (factors is null)
            {
                return ExitCodes.InvalidInput;
            }
            GridFactor? grid = null;
            if (parse.GetValue(site) is { } siteId)
            {
                grid = Grid(siteId, error);
                if (grid is null)
                {
                    return ExitCodes.InvalidInput;
                }
            }
            var by = parse.GetValue(sort)!;
            if (by == "co2e" && grid is null)
            {
                await error.WriteLineAsync("cradle: --sort co2e needs --site ID (a grid factor for the CO2e).").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            return await RunsCommand.WithStoreAsync(parse.GetValue(store), error, s =>
            {
                s.MarkInterruptedRuns();
                var names = parse.GetValue(runs) ?? [];
                var chosen = new List<Run>();
                if (names.Length == 0)
                {
                    chosen.AddRange(s.ListRuns(RunFilter.All).Where(r => r.Status == RunStatus.Complete && r.Inference.Requests is not null));
                }
                foreach (var name in names)
                {
                    if (RunsCommand.Find(s, name, error) is not { } found)
                    {
                        return ExitCodes.InvalidInput;
                    }
                    chosen.Add(found);
                }
                var rows = RunComparison.Sort(chosen.Select(r => RunComparison.Compare(r, s.GetSensors(r.Id), s.GetSamples(r.Id), grid, factors)), by);
                if (parse.GetValue(format) == "json")
                {
                    RunsCompareRenderer.Json(rows, grid, output);
                }
                else
                {
                    RunsCompareRenderer.Table(rows, grid, output);
                }
                return ExitCodes.Success;
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static Dictionary<string, double>? ParseFactors(string[] given, TextWriter error)
    {
        var factors = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in given)
        {
            var parts = text.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var factor)
                || !double.IsFinite(factor) || factor <= 0)
            {
                error.WriteLine($"cradle: --qf '{Syntax.Printable.Escape(text)}' is not PRECISION=FACTOR with a factor above 0 (e.g. int8=0.5).");
                return null;
            }
            factors[parts[0]] = factor;
        }
        return factors;
    }

    private static GridFactor? Grid(string siteId, TextWriter error)
    {
        if (GridFactors.Resolve(CatalogLoader.Shipped, siteId, out var suggestions) is { } grid)
        {
            return grid;
        }
        error.WriteLine($"cradle: '{Syntax.Printable.Escape(siteId)}' is not a catalog grid or cloud region with a gwp100 figure" +
            (suggestions.Count == 0 ? "" : $"; did you mean {string.Join(", ", suggestions)}?") + " 'cradle catalog list grid' lists them.");
        return null;
    }
}
