using System.CommandLine;
using Cradle.Cli.Rendering;
using Cradle.Studies;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle sensitivity STUDY</c>: what drives the result.</summary>
public static class SensitivityCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var study = new Argument<FileInfo>("STUDY") { Description = "The study file." };
        var samples = new Option<int>("--samples") { Description = "Sobol base samples N; the model runs N × (uncertain inputs + 2) times.", DefaultValueFactory = _ => 4096 };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for the 95 % intervals of the indices.", DefaultValueFactory = _ => 200 };
        samples.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 2)
            {
                r.AddError("--samples is the Sobol base sample count N, at least 2 (4096 is a good start).");
            }
        });
        bootstrap.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--bootstrap is a number of resamples, 0 or more (0 gives no intervals).");
            }
        });
        var seed = new Option<ulong>("--seed") { Description = "Seed of the draws.", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format", "-f") { Description = "'table' or 'json'.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var catalogFiles = CatalogFilesOption.Create();
        var command = new Command("sensitivity",
            "What drives the result: for every input with an uncertainty (stated, or the catalog's), the total with that input at its " +
            "5th and at its 95th percentile and the others at their values (tornado), and its Sobol first-order index (the share of the " +
            "variance it explains alone) and total-order index (alone and through interactions), with bootstrap 95 % intervals.")
        {
            study, samples, bootstrap, seed, format, catalogFiles,
        };
        command.SetAction((parse, cancellation) =>
        {
            var file = parse.GetValue(study)!;
            return StudyCommandRunner.RunAsync(parse.GetValue(catalogFiles)!, error, async extra =>
            {
                var text = await StudyCommandRunner.ReadStudyAsync(file, cancellation).ConfigureAwait(false);
                var (_, alternatives, _) = StudyAssessor.Compile(text, file.ToString(), extra, File.ReadAllText);
                var results = alternatives.Select(a => SensitivityAnalysis.Run(a, parse.GetValue(samples), parse.GetValue(bootstrap), parse.GetValue(seed))).ToList();
                if (parse.GetValue(format) == "json")
                {
                    SensitivityJson.Write(results, output);
                }
                else
                {
                    SensitivityTable.Write(results, output);
                }
                return ExitCodes.Success;
            }, cancellation);
        });
        return command;
    }
}
