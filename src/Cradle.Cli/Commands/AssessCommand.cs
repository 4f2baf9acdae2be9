using System.CommandLine;
using Cradle.Cli.Rendering;
using Cradle.Studies.Assessment;
using Cradle.Catalog;
using Cradle.Reports.Model;
using Cradle.Reports.Rendering;
using Cradle.Studies;
using Cradle.Syntax;

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
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "How to print the results: 'table' for people, 'json' (schema cradle.assessment/1) for programs.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var catalogFiles = CatalogFilesOption.Create();
        var (iterations, seed, threads) = MonteCarloOptionSet.Create();
        var report = new Option<FileInfo?>("--report")
        {
            Description = "Also write a report to this file: .html (with charts), .md, .model-card.md or .csv (see 'cradle report').",
        };
        var outputFile = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Write the results to this file instead of standard output.",
        };
        var command = new Command("assess",
            "Assess a study: totals per functional unit for each impact category, contributions by life-cycle stage with the " +
            "significant issues marked, and, for a functional unit of requests, the three terms of equation (1) (marginal inference, " +
            "amortised embodied hardware, amortised experimentation and training), the break-even number of lifetime inferences " +
            "and the cost per functional unit over a range of lifetimes. Every input is listed with its provenance. " +
            "With --mc N, every input that has an uncertainty (stated, or the catalog's) is drawn N times and each total and stage " +
            "is reported with its mean, SD and percentiles; the JSON and --report also get the Sobol sensitivity, the amortisation " +
            "curve with its bands and, with alternatives, their comparison on the same draws (docs/results-format.md). " +
            "Exit codes: 0 success, 1 invalid study, 2 unreadable file, 3 internal error.")
        {
            study, format, outputFile, catalogFiles, iterations, seed, threads, report,
        };
        command.SetAction((parse, cancellation) => RunAsync(
            parse.GetValue(study)!, parse.GetValue(format)!, parse.GetValue(outputFile), parse.GetValue(catalogFiles)!,
            MonteCarloOptionSet.Read(parse, iterations, seed, threads), parse.GetValue(report), output, error, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo studyFile, string format, FileInfo? outputFile, FileInfo[] catalogFiles, MonteCarloOptions? monteCarlo, FileInfo? report,
        TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var reportFormat = report is null ? null : ReportFormats.FromFileName(report.Name);
        if (report is not null && reportFormat is null)
        {
            await error.WriteLineAsync($"cradle: --report '{report}': name the file .html, .md, .model-card.md or .csv so the format is clear.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        var extraCatalog = await CatalogFilesOption.ReadAsync(catalogFiles, error, cancellation).ConfigureAwait(false);
        if (extraCatalog is null)
        {
            return ExitCodes.Environment;
        }
        string text;
        try
        {
            text = await File.ReadAllTextAsync(studyFile.FullName, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"cradle: cannot read the study file '{studyFile}': {e.Message}").ConfigureAwait(false);
            return ExitCodes.Environment;
        }

        StudyAssessment assessment;
        try
        {
            using var progress = monteCarlo is null ? null : TerminalProgress.ForConsole(error, "Monte Carlo");
            assessment = StudyAssessor.Assess(text, studyFile.ToString(), extraCatalog, File.ReadAllText, monteCarlo is null ? null : monteCarlo with { Progress = progress });
        }
        catch (CatalogException e)
        {
            return await CatalogFilesOption.ReportAsync(e, error).ConfigureAwait(false);
        }
        catch (StudyException e)
        {
            foreach (var problem in e.Problems)
            {
                await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }
            await error.WriteLineAsync($"cradle: the study has {e.Problems.Count} error(s); nothing was assessed.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        catch (Core.Engine.EngineException e)
        {
            return await StudyCommandRunner.ReportEngineAsync(studyFile, e, error).ConfigureAwait(false);
        }

        if (report is not null)
        {
            // The report is built from the JSON results, exactly as 'cradle report' would read them from a file.
            using var json = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            JsonRenderer.Write(assessment, json);
            var written = await ReportCommand.WriteAsync(ReportReader.Read(json.ToString()), reportFormat!, report, output, error).ConfigureAwait(false);
            if (written != ExitCodes.Success)
            {
                return written;
            }
        }
        var render = format == "json" ? (Action<StudyAssessment, TextWriter>)JsonRenderer.Write : TableRenderer.Write;
        if (outputFile is null)
        {
            render(assessment, output);
            return ExitCodes.Success;
        }
        try
        {
            await using var writer = new StreamWriter(outputFile.FullName);
            render(assessment, writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"cradle: cannot write '{outputFile}': {e.Message}").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
        await output.WriteLineAsync($"Results written to {outputFile}.").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
