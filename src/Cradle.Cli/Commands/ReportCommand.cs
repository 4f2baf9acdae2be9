using System.CommandLine;
using Cradle.Cli.Input;
using Cradle.Reports;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Reports.Rendering;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle report RESULTS.json --format html|md|model-card|csv [--output FILE]</c>.</summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var results = new Argument<FileInfo>("RESULTS")
        {
            Description = "Results written by 'cradle assess STUDY --format json' (add --mc N for uncertainty, sensitivity and the comparison).",
            CustomParser = result => FilePaths.One(result, "RESULTS"),
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "html: one self-contained page with charts; md: Markdown tables for a paper appendix; model-card: Hugging Face co2_eq_emissions metadata and an 'Environmental impact' section; csv: per-stage, per-category results.",
            DefaultValueFactory = _ => "html",
        };
        format.AcceptOnlyFromAmong([.. ReportFormats.Names]);
        var alternative = new Option<string>("--alternative")
        {
            Description = "model-card only: the alternative the card describes (by its id in the study); by default the first, named in the card.",
        };
        var outputFile = OutputFile.Create("the report");
        var command = new Command("report",
            "Turn assessment results into a report people read: HTML with charts, Markdown, a model-card section, or CSV. " + ExitCodes.Help)
        {
            results, format, alternative, outputFile,
        };
        command.SetAction(async (parse, _) =>
        {
            var file = parse.GetValue(results)!;
            var chosen = parse.GetValue(alternative);
            if (chosen is not null && parse.GetValue(format) != "model-card")
            {
                // The other formats show every alternative; a silently ignored option would look as if it had worked.
                await error.WriteLineAsync("cradle: --alternative chooses what the model card describes; the other formats show every alternative. Add --format model-card, or leave it out.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            if (OutputFile.Clash(parse.GetValue(outputFile), "--output", [file]) is { } clash)
            {
                await error.WriteLineAsync(clash).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            string json;
            try
            {
                json = InputFile.Read(file.FullName, InputKind.Results);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"cradle: cannot read the results file '{file}': {e.Message}").ConfigureAwait(false);
                return Failures.ExitCodeOf(e);
            }
            try
            {
                var model = ResultsReader.Read(json);
                return await WriteAsync(model, parse.GetValue(format)!, parse.GetValue(outputFile), output, error, chosen).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ResultsFormatException or ReportException)
            {
                // The message may quote a hand-edited value or name of any length: cut what is huge, escape what is odd.
                await error.WriteLineAsync($"cradle: {file}: {Syntax.Printable.Elide(Syntax.Printable.Escape(e.Message))}").ConfigureAwait(false);
                return Failures.ExitCodeOf(e);
            }
        });
        return command;
    }

    /// <summary>Writes a report to a file or to <paramref name="output"/>.</summary>
    internal static Task<int> WriteAsync(AssessmentResults model, string format, FileInfo? file, TextWriter output, TextWriter error, string? alternative = null) =>
        OutputFile.WriteAsync(file, writer => ReportFormats.Write(model, format, writer, alternative), output, error);
}
