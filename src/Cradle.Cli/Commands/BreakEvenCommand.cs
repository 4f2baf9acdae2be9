using System.CommandLine;
using Cradle.Cli.Rendering;
using Cradle.Studies;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle breakeven STUDY</c>: the cost of the functional unit against the model's lifetime.</summary>
public static class BreakEvenCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var study = new Argument<FileInfo>("STUDY") { Description = "The study file; its functional unit must count requests." };
        var share = new Option<double>("--embodied-share") { Description = "Report the lifetime from which embodied impacts are below this share of the total.", DefaultValueFactory = _ => 0.1 };
        share.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<double>();
            if (!(value > 0 && value < 1))
            {
                r.AddError("--embodied-share is a share of the total, above 0 and below 1 (e.g. 0.1 for 10 %).");
            }
        });
        var format = new Option<string>("--format", "-f") { Description = "'table' or 'json'.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var catalogFiles = CatalogFilesOption.Create();
        var (iterations, seed, threads) = MonteCarloOptionSet.Create(defaultIterations: 10_000);
        var command = new Command("breakeven",
            "Amortisation and break-even (the position paper's Figure 2b): the cost per functional unit for lifetimes of 10^6 to 10^13 " +
            "requests with Monte Carlo bands, the lifetime at which cumulative inference equals experimentation and training, and the " +
            "lifetime from which embodied impacts fall below a share of the total.")
        {
            study, share, format, catalogFiles, iterations, seed, threads,
        };
        command.SetAction((parse, cancellation) =>
        {
            var file = parse.GetValue(study)!;
            return StudyCommandRunner.RunAsync(parse.GetValue(catalogFiles)!, error, async extra =>
            {
                var text = await StudyCommandRunner.ReadStudyAsync(file, cancellation).ConfigureAwait(false);
                var (_, alternatives, _) = StudyAssessor.Compile(text, file.ToString(), extra, File.ReadAllText);
                var options = MonteCarloOptionSet.Read(parse, iterations, seed, threads);
                var results = alternatives.Select(a => BreakEvenAnalysis.Run(a, BreakEvenAnalysis.DefaultLifetimes, parse.GetValue(share), options)).ToList();
                if (parse.GetValue(format) == "json")
                {
                    BreakEvenJson.Write(results, output);
                }
                else
                {
                    BreakEvenTable.Write(results, output);
                }
                return ExitCodes.Success;
            }, cancellation);
        });
        return command;
    }
}
