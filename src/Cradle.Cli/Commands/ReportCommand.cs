using System.CommandLine;
using Cradle.Reports;
using Cradle.Reports.Model;
using Cradle.Reports.Rendering;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle report RESULTS.json --format html|md|model-card|csv [--output FILE]</c>.</summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var results = new Argument<FileInfo>("RESULTS") { Description = "Results written by 'cradle assess STUDY --format json' (add --mc N for uncertainty, sensitivity and the comparison)." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "html: one self-contained page with charts; md: Markdown tables for a paper appendix; model-card: Hugging Face co2_eq_emissions metadata and an 'Environmental impact' section; csv: per-stage, per-category results.",
            DefaultValueFactory = _ => "html",
        };
        format.AcceptOnlyFromAmong([.. ReportFormats.Names]);
        var outputFile = new Option<FileInfo?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var command = new Command("report", "Turn assessment results into a report people read: HTML with charts, Markdown, a model-card section, or CSV.")
        {
            results, format, outputFile,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var file = parse.GetValue(results)!;
            string json;
            try
            {
                json = await File.ReadAllTextAsync(file.FullName, cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"cradle: cannot read the results '{file}': {e.Message}").ConfigureAwait(false);
                return ExitCodes.Environment;
            }
            try
            {
                var model = ReportReader.Read(json);
                return await WriteAsync(model, parse.GetValue(format)!, parse.GetValue(outputFile), output, error).ConfigureAwait(false);
            }
            catch (ReportException e)
            {
                await error.WriteLineAsync($"cradle: {file}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    /// <summary>Writes a report to a file or to <paramref name="output"/>.</summary>
    internal static async Task<int> WriteAsync(ReportModel model, string format, FileInfo? file, TextWriter output, TextWriter error)
    {
        if (file is null)
        {
            ReportFormats.Write(model, format, output);
            return ExitCodes.Success;
        }
        try
        {
            await using var writer = new StreamWriter(file.FullName);
            ReportFormats.Write(model, format, writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"cradle: cannot write '{file}': {e.Message}").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
        return ExitCodes.Success;
    }
}
