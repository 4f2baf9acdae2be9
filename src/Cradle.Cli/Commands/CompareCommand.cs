using System.CommandLine;
using Cradle.Results.Json;
using Cradle.Cli.Rendering;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle compare STUDY [STUDY…]</c>: which alternative wins, on one functional unit, with what probability.</summary>
public static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var studies = new Argument<FileInfo[]>("STUDY")
        {
            Description = "One study with alternatives, or several studies (each contributes its alternatives, or itself).",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => FilePaths.All(result, "STUDY"),
        };
        var format = new Option<string>("--format", "-f") { Description = "'table' or 'json'.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var outputFile = OutputFile.Create("the comparison");
        var catalogFiles = CatalogFilesOption.Create();
        var store = StoreOption.Create();
        var (iterations, seed, threads) = MonteCarloOptionSet.Create(defaultIterations: 10_000);
        var acceptDifferent = new Option<string?>("--accept-different-functional-units")
        {
            Description = "Compare alternatives whose functional units differ (amount, unit, description or constraints), for the reason "
                + "given; the differences and the reason are printed with the comparison.",
        };
        var acceptBases = new Option<string?>("--accept-different-carbon-bases")
        {
            Description = "Compare alternatives that report carbon on different bases (location-based, market-based), for the reason "
                + "given; the differences and the reason are printed with the comparison.",
        };
        var acceptUnmet = new Option<string?>(ServiceDelivery.Option)
        {
            Description = "Compare alternatives that miss a quality or latency constraint of the functional unit (by what they state under "
                + "'delivers'), for the reason given; they are marked UNMET and the reason is printed with the comparison.",
        };
        var (reference, allPairs, pair) = ComparisonPairsOptionSet.Create();
        var command = new Command("compare",
            "Compare design alternatives that deliver the same functional unit (refused otherwise): deterministic totals, and with " +
            "Monte Carlo on common random numbers (a parameter the alternatives share takes the same value in each draw) the " +
            "distribution of each difference and the probability that one alternative has the lower impact, per category. " +
            $"Up to {ComparisonPairs.AllPairsUpTo} alternatives every pair is compared; beyond, each against a reference (the first, or --reference) " +
            "unless --all-pairs; --pair A,B (repeatable) compares only the pairs given. " +
            ExitCodes.Help)
        {
            studies, format, outputFile, catalogFiles, iterations, seed, threads, store, acceptDifferent, acceptBases, acceptUnmet, reference, allPairs, pair,
        };
        command.SetAction((parse, _) =>
        {
            var files = parse.GetValue(studies)!;
            var target = parse.GetValue(outputFile);
            return StudyCommandRunner.RunAsync(files, parse.GetValue(catalogFiles)!, target, parse.GetValue(store), error, async run =>
            {
                var candidates = new List<(string, CompiledStudy)>();
                foreach (var file in files)
                {
                    var text = StudyCommandRunner.ReadStudy(file);
                    var (_, alternatives, _) = StudyAssessor.Compile(text, file.ToString(), run.CatalogFiles, run.ReadCatalogFile, run.Runs, run.BackgroundFor(file.ToString()));
                    var prefix = files.Length > 1 ? $"{Path.GetFileNameWithoutExtension(file.Name)}:" : "";
                    candidates.AddRange(alternatives.Select(a => ($"{prefix}{a.Alternative?.Id ?? "as written"}", a)));
                }
                run.CheckOutputs();
                var options = MonteCarloOptionSet.Read(parse, iterations, seed, threads) ?? new MonteCarloOptions(1, parse.GetValue(seed), 1);
                SamplingBudget.CheckMonteCarlo([.. candidates.Select(c => c.Item2)], options.Iterations);
                var result = ComparisonAnalysis.Compare(candidates, options, new ComparisonAcceptance(parse.GetValue(acceptDifferent), parse.GetValue(acceptBases))
                    {
                        UnmetConstraints = parse.GetValue(acceptUnmet),
                    },
                    ComparisonPairsOptionSet.Read(parse, reference, allPairs, pair));
                Action<ComparisonResult, TextWriter> render = parse.GetValue(format) == "json"
                    ? (r, w) => ComparisonJson.Write(ResultsBuilder.Comparison(r), w)
                    : ComparisonTable.Write;
                return await run.WriteAsync(writer => render(result, writer), output, error).ConfigureAwait(false);
            });
        });
        return command;
    }
}
