using System.CommandLine;
using System.Globalization;
using Cradle.Interchange.Background;
using Cradle.Interchange.Reading;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle scores PACKAGE [--method NAME | --indicators LIST]</c>: the LCIA score of one unit of every activity of a background database.</summary>
public static class ScoresCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var package = new Argument<string>("PACKAGE") { Description = "An openLCA JSON-LD package (zip or folder) holding the processes and the LCIA method." };
        var method = new Option<string?>("--method")
        {
            Description = "The LCIA method of the package, by name or id (required when it holds several).",
            HelpName = "NAME",
        };
        var indicators = new Option<string?>("--indicators")
        {
            Description = "Instead of a method of the package, indicators of Cradle's catalog, comma-separated (e.g. 'gwp100,acidification'): " +
                "the database's elementary flows are matched to the catalog's by name and compartment, as a study's background links are.",
            HelpName = "LIST",
        };
        var outputFile = OutputFile.Create("the scores");
        var command = new Command("scores",
            "Score one unit of every activity of a background database at once, for each category of an LCIA method: one transposed " +
            "sparse solve per category (λᵀ = cᵀ B A⁻¹), not one solve per activity (docs/interchange.md). Writes CSV: process id, " +
            "process, product, unit, then one column per category. Activities that cannot be scored (no quantitative reference, several " +
            "outputs — allocation is not applied — waste treatment, unknown units) are left out and counted on standard error with " +
            "the inputs nobody in the package makes (cut-offs). " + ExitCodes.Help)
        {
            package, method, indicators, outputFile,
        };
        command.SetAction(async (parse, _) =>
        {
            var path = parse.GetValue(package)!;
            BackgroundDatabase database;
            try
            {
                database = OpenLcaPackageReader.Read(path);
            }
            catch (OpenLcaPackageException e)
            {
                await error.WriteLineAsync($"cradle: the package '{path}' is refused: {e.Message}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"cradle: cannot read '{path}': {e.Message}").ConfigureAwait(false);
                return ExitCodes.Environment;
            }
            var catalogIndicators = parse.GetValue(indicators);
            if (catalogIndicators is not null && parse.GetValue(method) is not null)
            {
                await error.WriteLineAsync("cradle: give either --method (a method of the package) or --indicators (the catalog's), not both.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            DatabaseScoreResult result;
            string scoredWith;
            try
            {
                if (catalogIndicators is not null)
                {
                    var ids = catalogIndicators.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    result = DatabaseScores.Score(database, Studies.Compilation.IndicatorSet.From(Catalog.CatalogLoader.Shipped), ids, out var matched);
                    scoredWith = $"the catalog's indicators ({matched})";
                }
                else if (Choose(database, parse.GetValue(method), out var problem) is { } chosen)
                {
                    result = DatabaseScores.Score(database, chosen);
                    scoredWith = $"'{chosen.Name}'";
                }
                else
                {
                    await error.WriteLineAsync("cradle: " + problem).ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }
            }
            catch (ArgumentException e)
            {
                await error.WriteLineAsync($"cradle: {path}: {e.Message.Split(" (Parameter", 2)[0]}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            catch (Core.Engine.EngineException e)
            {
                await error.WriteLineAsync($"cradle: {path}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"cradle scores: {result.Activities.Count} activities scored with {scoredWith} ({result.Categories.Count} categories); " +
                $"{result.LeftOut.Count} left out, {result.CutOffs} inputs cut off (no provider), {result.Unlinked} not linked (several providers, none named).")).ConfigureAwait(false);
            foreach (var (process, reason) in result.LeftOut.Take(20))
            {
                await error.WriteLineAsync($"  left out: {process.Name} ({process.Id}): {reason}").ConfigureAwait(false);
            }
            return await OutputFile.WriteAsync(parse.GetValue(outputFile), w => Write(database, result, w), output, error).ConfigureAwait(false);
        });
        return command;
    }

    private static BackgroundImpactMethod? Choose(BackgroundDatabase database, string? given, out string? problem)
    {
        problem = null;
        var methods = database.ImpactMethods.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        if (methods.Count == 0)
        {
            problem = "the package holds no LCIA method (lcia_methods/): name indicators of Cradle's catalog with --indicators (e.g. 'gwp100').";
            return null;
        }
        if (given is null)
        {
            if (methods.Count == 1)
            {
                return methods[0];
            }
            problem = $"the package holds {methods.Count} LCIA methods; name one with --method: {string.Join(", ", methods.Select(m => $"'{m.Name}'"))}.";
            return null;
        }
        var found = methods.FirstOrDefault(m => m.Id == given || string.Equals(m.Name, given, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            problem = $"no LCIA method '{given}' in the package{Core.NameSuggestions.Hint(given, methods.Select(m => m.Name))}.";
        }
        return found;
    }

    // One row per activity; numbers round-trip (R), invariant culture; fields with commas or quotes quoted.
    private static void Write(BackgroundDatabase database, DatabaseScoreResult result, TextWriter w)
    {
        var header = new List<string> { "process_id", "process", "product", "unit" };
        header.AddRange(result.Categories.Select(c => $"{c.Name} [{c.ReferenceUnit}]"));
        w.WriteLine(string.Join(',', header.Select(Csv)));
        foreach (var activity in result.Activities)
        {
            var unit = activity.Product.ReferenceProperty is { } property && database.FlowProperties.TryGetValue(property.FlowPropertyId, out var fp)
                && database.UnitGroups.TryGetValue(fp.UnitGroupId, out var group) ? group.ReferenceUnit?.Name ?? "" : "";
            var fields = new List<string> { activity.Process.Id, activity.Process.Name, activity.Product.Name, unit };
            fields.AddRange(activity.Scores.Select(s => s.ToString("R", CultureInfo.InvariantCulture)));
            w.WriteLine(string.Join(',', fields.Select(Csv)));
        }
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
