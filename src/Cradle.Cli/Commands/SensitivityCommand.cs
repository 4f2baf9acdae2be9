using System.CommandLine;
using Cradle.Results.Json;
using Cradle.Cli.Rendering;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle sensitivity STUDY</c>: what drives the result.</summary>
public static class SensitivityCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var study = new Argument<FileInfo>("STUDY") { Description = "The study file.", CustomParser = result => FilePaths.One(result, "STUDY") };
        var samples = NumberOptions.WholeNumber("--samples",
            "Sobol base samples N; the model runs N × (uncertain inputs + 2) times.",
            "base samples", 2, int.MaxValue, 4096, defaultValue: 4096);
        var bootstrap = NumberOptions.WholeNumber("--bootstrap",
            "Bootstrap resamples for the 95 % intervals of the indices; 0 gives no intervals.",
            "resamples", 0, int.MaxValue, 200, defaultValue: 200);
        var seed = NumberOptions.Seed("Seed of the draws: the same seed gives the same results.");
        var threads = NumberOptions.WholeNumber("--threads",
            "Threads to use for the Sobol runs and the bootstrap (results do not depend on it); when not given, one per processor.",
            "threads", 1, int.MaxValue, 4, defaultValue: null);
        var format = new Option<string>("--format", "-f") { Description = "'table' or 'json'.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var allocationKeys = new Option<bool>("--allocation-keys")
        {
            Description = "Instead of the tornado and Sobol analysis: recompile the study under each allocation key of embodied impacts "
                + "(calendar, busy, energy; batch for the serving when it gives latency and batch_size) and print the totals per key "
                + "with the relative change from the study's own keys.",
        };
        var outputFile = OutputFile.Create("the sensitivity");
        var catalogFiles = CatalogFilesOption.Create();
        var store = StoreOption.Create();
        var command = new Command("sensitivity",
            "What drives the result: for every input with an uncertainty (stated, or the catalog's), the total with that input at its " +
            "5th and at its 95th percentile and the others at their values (tornado), and its Sobol first-order index (the share of the " +
            "variance it explains alone) and total-order index (alone and through interactions), with bootstrap 95 % intervals. " +
            ExitCodes.Help)
        {
            study, samples, bootstrap, seed, threads, format, allocationKeys, outputFile, catalogFiles, store,
        };
        command.SetAction((parse, _) =>
        {
            var file = parse.GetValue(study)!;
            var target = parse.GetValue(outputFile);
            return StudyCommandRunner.RunAsync([file], parse.GetValue(catalogFiles)!, target, parse.GetValue(store), error, async run =>
            {
                var text = StudyCommandRunner.ReadStudy(file);
                if (parse.GetValue(allocationKeys))
                {
                    var keys = AllocationKeyAnalysis.Run(text, file.ToString(), run.CatalogFiles, run.ReadCatalogFile, run.Runs, run.BackgroundFor(file.ToString()));
                    run.CheckOutputs();
                    Action<IReadOnlyList<AllocationKeyResult>, TextWriter> renderKeys = parse.GetValue(format) == "json" ? AllocationKeysJson.Write : AllocationKeysTable.Write;
                    return await run.WriteAsync(writer => renderKeys(keys, writer), output, error).ConfigureAwait(false);
                }
                var (_, alternatives, _) = StudyAssessor.Compile(text, file.ToString(), run.CatalogFiles, run.ReadCatalogFile, run.Runs, run.BackgroundFor(file.ToString()));
                run.CheckOutputs();
                SamplingBudget.CheckSobol(alternatives, parse.GetValue(samples), parse.GetValue(bootstrap));
                var results = alternatives.Select(a => SensitivityAnalysis.Run(a, parse.GetValue(samples), parse.GetValue(bootstrap), parse.GetValue(seed), MonteCarloOptionSet.Threads(parse, threads))).ToList();
                Action<IReadOnlyList<SensitivityResult>, TextWriter> render = parse.GetValue(format) == "json"
                    ? (r, w) => SensitivityJson.Write([.. r.Select(x => (ResultsBuilder.Ids(x.Categories), ResultsBuilder.Sensitivity(x)))], w)
                    : SensitivityTable.Write;
                return await run.WriteAsync(writer => render(results, writer), output, error).ConfigureAwait(false);
            });
        });
        return command;
    }
}
