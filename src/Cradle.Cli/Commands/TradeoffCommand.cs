using System.CommandLine;
using Cradle.Cli.Rendering;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Commands;

/// <summary>
/// <c>cradle tradeoff STUDY --between A,B</c>: "think longer or train more" on one per-request functional unit — after
/// how many requests A repays its extra training against B (or beyond which A, reasoning on, costs more), and how many
/// requests a fixed budget serves under each.
/// </summary>
public static class TradeoffCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var study = new Argument<FileInfo>("STUDY")
        {
            Description = "The study file, with alternatives; its functional unit must count requests.",
            CustomParser = result => FilePaths.One(result, "STUDY"),
        };
        var between = new Option<string>("--between")
        {
            Description = "The two alternatives, A,B: A is the one asked about (e.g. the model trained further, or the configuration with reasoning on).",
            Required = true,
        };
        between.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is null || value.Split(',') is not [{ Length: > 0 }, { Length: > 0 }])
            {
                result.AddError($"--between expects two alternative ids separated by a comma, such as --between trained-further,reasoning; got '{value}'.");
            }
        });
        var budget = new Option<string?>("--budget")
        {
            Description = "A fixed budget, e.g. \"1000 kg CO2e\" or \"50 MWh\" (facility energy): report how many requests it serves under each "
                + "alternative, (budget − development) ÷ per-request cost.",
        };
        var format = new Option<string>("--format", "-f") { Description = "'table' or 'json'.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var outputFile = OutputFile.Create("the trade-off analysis");
        var catalogFiles = CatalogFilesOption.Create();
        var store = StoreOption.Create();
        var (iterations, seed, threads) = MonteCarloOptionSet.Create();
        var command = new Command("tradeoff",
            "Trade-off between two alternatives on one per-request functional unit: the number of requests N* = ΔD ÷ Δi after which A "
            + "repays its extra development (experimentation + training) against B, or beyond which A costs more; 'never' when the signs say so; "
            + "with --budget, the requests a fixed carbon or energy budget serves under each; with --mc, bands on common random numbers. "
            + ExitCodes.Help)
        {
            study, between, budget, format, outputFile, catalogFiles, iterations, seed, threads, store,
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
                var ids = parse.GetValue(between)!.Split(',');
                var (a, b) = TradeoffAnalysis.Pick([.. alternatives.Select(c => (c.Alternative?.Id ?? "as written", c))], ids[0].Trim(), ids[1].Trim());
                var options = MonteCarloOptionSet.Read(parse, iterations, seed, threads);
                if (options is not null)
                {
                    SamplingBudget.CheckMonteCarlo([a.Compiled, b.Compiled], options.Iterations);
                }
                var result = TradeoffAnalysis.Run(a, b, parse.GetValue(budget), options);
                Action<TradeoffResults, TextWriter> render = parse.GetValue(format) == "json" ? TradeoffJson.Write : TradeoffTable.Write;
                return await run.WriteAsync(writer => render(result, writer), output, error).ConfigureAwait(false);
            });
        });
        return command;
    }
}
