using System.CommandLine;
using Cradle.Cli.Rendering;
using Cradle.Results.Json;
using Cradle.Reports.Rendering;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle assess STUDY [--format table|json] [--output FILE]</c>.</summary>
public static class AssessCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var study = new Argument<FileInfo>("STUDY")
        {
            Description = "The study file (YAML, format 'cradle: 1'); see docs/study-format.md.",
            CustomParser = result => FilePaths.One(result, "STUDY"),
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "How to print the results: 'table' for people, 'json' (schema cradle.assessment/2) for programs.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var catalogFiles = CatalogFilesOption.Create();
        var store = StoreOption.Create();
        var (iterations, seed, threads) = MonteCarloOptionSet.Create();
        var report = new Option<FileInfo?>("--report")
        {
            Description = "Also write a report to this file: .html (with charts), .md, .model-card.md or .csv (see 'cradle report').",
            HelpName = "FILE",
            CustomParser = result => FilePaths.One(result, "--report"),
        };
        var outputFile = OutputFile.Create("the results");
        var (reference, allPairs, pair) = ComparisonPairsOptionSet.Create();
        var command = new Command("assess",
            "Assess a study: totals per functional unit for each impact category, contributions by life-cycle stage with the " +
            "significant issues marked, and, for a functional unit of requests, the three terms of equation (1) (marginal inference, " +
            "amortised embodied hardware, amortised experimentation and training), the break-even number of lifetime inferences " +
            "and the cost per functional unit over a range of lifetimes. Every input is listed with its provenance. " +
            "With --mc N, every input that has an uncertainty (stated, or the catalog's) is drawn N times and each total and stage " +
            "is reported with its mean, SD and percentiles; the JSON and --report also get the Sobol sensitivity, the amortisation " +
            "curve with its bands and, with alternatives, their comparison on the same draws (docs/results-format.md): every pair up to " +
            $"{ComparisonPairs.AllPairsUpTo} alternatives, beyond that each against a reference (the first, or --reference) unless --all-pairs; --pair A,B chooses the pairs. " +
            ExitCodes.Help)
        {
            study, format, outputFile, catalogFiles, iterations, seed, threads, report, store, reference, allPairs, pair,
        };
        command.SetAction((parse, _) => RunAsync(
            parse.GetValue(study)!, parse.GetValue(format)!, parse.GetValue(outputFile), parse.GetValue(catalogFiles)!,
            MonteCarloOptionSet.Read(parse, iterations, seed, threads), parse.GetValue(report), parse.GetValue(store),
            ComparisonPairsOptionSet.Read(parse, reference, allPairs, pair), output, error));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo studyFile, string format, FileInfo? outputFile, FileInfo[] catalogFiles, MonteCarloOptions? monteCarlo, FileInfo? report,
        string? store, ComparisonPairs pairs, TextWriter output, TextWriter error)
    {
        var clash = OutputFile.Clash(report, "--report", [studyFile, .. catalogFiles])
            ?? (OutputFile.Clash(report, "--report", outputFile is null ? [] : [outputFile]) is null ? null
                : $"cradle: --report '{report}' is also the --output file; name two files.");
        if (clash is not null)
        {
            await error.WriteLineAsync(clash).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        var reportFormat = report is null ? null : ReportFormats.FromFileName(report.Name);
        if (report is not null && reportFormat is null)
        {
            await error.WriteLineAsync($"cradle: --report '{report}': name the file .html, .md, .model-card.md or .csv so the format is clear.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        return await StudyCommandRunner.RunAsync([studyFile], catalogFiles, outputFile, store, error, async run =>
        {
            var text = StudyCommandRunner.ReadStudy(studyFile);
            if (monteCarlo is not null)
            {
                // Compiling first lets the size be checked against memory before anything is sampled.
                var (_, alternatives, _) = StudyAssessor.Compile(text, studyFile.ToString(), run.CatalogFiles, run.ReadCatalogFile, run.Runs, run.BackgroundFor(studyFile.ToString()));
                run.CheckOutputs((report, "--report"));
                SamplingBudget.CheckMonteCarlo(alternatives, monteCarlo.Iterations, energyRows: true);
            }
            StudyAssessment assessment;
            using (var progress = monteCarlo is null ? null : TerminalProgress.ForConsole(error, "Monte Carlo"))
            {
                assessment = StudyAssessor.Assess(text, studyFile.ToString(), run.CatalogFiles, run.ReadCatalogFile,
                    monteCarlo is null ? null : monteCarlo with { Progress = progress }, run.Runs, pairs, run.BackgroundFor(studyFile.ToString()));
            }
            // Neither file is written if either is a catalog file the study read (known only once it is compiled).
            run.CheckOutputs((report, "--report"));
            // One set of results for the JSON and the report: the report renders the records the JSON is written
            // from, in memory, so it shows what 'cradle report' would read back from that JSON.
            var results = ResultsBuilder.From(assessment, RunProvenance.Of(studyFile.ToString(), text, run));
            if (report is not null)
            {
                var written = await ReportCommand.WriteAsync(results, reportFormat!, report, output, error).ConfigureAwait(false);
                if (written != ExitCodes.Success)
                {
                    return written;
                }
            }
            Action<TextWriter> render = format == "json" ? writer => ResultsWriter.Write(results, writer) : writer => TableRenderer.Write(assessment, writer);
            return await run.WriteAsync(render, output, error, confirm: true).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }
}
