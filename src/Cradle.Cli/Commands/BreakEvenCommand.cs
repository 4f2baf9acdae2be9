using System.CommandLine;
using Cradle.Results.Json;
using Cradle.Cli.Rendering;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle breakeven STUDY</c>: the cost of the functional unit against the model's lifetime.</summary>
public static class BreakEvenCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var study = new Argument<FileInfo>("STUDY")
        {
            Description = "The study file; its functional unit must count requests.",
            CustomParser = result => FilePaths.One(result, "STUDY"),
        };
        var share = NumberOptions.Share("--embodied-share",
            "Report the lifetime from which embodied impacts are below this share of the total (above 0 and below 1).", 0.1);
        var format = new Option<string>("--format", "-f") { Description = "'table' or 'json'.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var outputFile = OutputFile.Create("the break-even analysis");
        var catalogFiles = CatalogFilesOption.Create();
        var store = StoreOption.Create();
        var (iterations, seed, threads) = MonteCarloOptionSet.Create(defaultIterations: 10_000);
        var command = new Command("breakeven",
            "Amortisation and break-even (the position paper's Figure 2b): the cost per functional unit for lifetimes of 10^6 to 10^13 " +
            "requests with Monte Carlo bands, the lifetime at which cumulative inference equals experimentation and training, and the " +
            "lifetime from which embodied impacts fall below a share of the total. " +
            ExitCodes.Help)
        {
            study, share, format, outputFile, catalogFiles, iterations, seed, threads, store,
        };
        command.SetAction((parse, _) =>
        {
            var file = parse.GetValue(study)!;
            var target = parse.GetValue(outputFile);
            return StudyCommandRunner.RunAsync([file], parse.GetValue(catalogFiles)!, target, parse.GetValue(store), error, async run =>
            {
                var text = StudyCommandRunner.ReadStudy(file);
                var (_, alternatives, _) = StudyAssessor.Compile(text, file.ToString(), run.CatalogFiles, run.ReadCatalogFile, run.Runs, run.BackgroundFor(file.ToString()));
                run.CheckOutputs();
                var options = MonteCarloOptionSet.Read(parse, iterations, seed, threads);
                if (options is not null)
                {
                    SamplingBudget.CheckMonteCarlo(alternatives, options.Iterations);
                }
                var results = alternatives.Select(a => BreakEvenAnalysis.Run(a, BreakEvenAnalysis.DefaultLifetimes, parse.GetValue(share), options)).ToList();
                Action<IReadOnlyList<BreakEvenResult>, TextWriter> render = parse.GetValue(format) == "json"
                    ? (r, w) => BreakEvenJson.Write([.. r.Select(x => (ResultsBuilder.Ids(x.Categories), ResultsBuilder.Amortisation(x)))], w)
                    : BreakEvenTable.Write;
                return await run.WriteAsync(writer => render(results, writer), output, error).ConfigureAwait(false);
            });
        });
        return command;
    }
}
