using System.CommandLine;
using Cradle.Cli.Commands;

namespace Cradle.Cli;

/// <summary>The command tree and its invocation; output writers are injected so tests can capture them.</summary>
public static class CradleApp
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand BuildRoot(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "Cradle: cradle-to-grave life cycle assessment (ISO 14040/14044) of machine-learning models. " +
            "Describe a model's goal and scope, hardware, sites, training stages and serving in a study file; " +
            "Cradle compiles it into a product system and reports impacts per functional unit, by stage, with the provenance of every input. " + ExitCodes.Help);
        root.Subcommands.Add(AssessCommand.Build(output, error));
        root.Subcommands.Add(CatalogCommand.Build(output, error));
        root.Subcommands.Add(CompareCommand.Build(output, error));
        root.Subcommands.Add(SensitivityCommand.Build(output, error));
        root.Subcommands.Add(BreakEvenCommand.Build(output, error));
        root.Subcommands.Add(TradeoffCommand.Build(output, error));
        root.Subcommands.Add(ReportCommand.Build(output, error));
        root.Subcommands.Add(MeasureCommand.Build(output, error));
        root.Subcommands.Add(RunsCommand.Build(output, error));
        root.Subcommands.Add(ImportCommand.Build(output, error));
        root.Subcommands.Add(BackgroundsCommand.Build(output, error));
        root.Subcommands.Add(TrendsCommand.Build(output, error));
        root.Subcommands.Add(ServeCommand.Build(output, error));
        root.Subcommands.Add(ScoresCommand.Build(output, error));
        root.Subcommands.Add(ExportCommand.Build(output, error));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        // Every write to standard output goes through one guard, so a failed write is exit code 2 in every command.
        using var guarded = new StandardOutputWriter(output);
        var configuration = new InvocationConfiguration { Output = guarded, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            // Parsing runs the options' parsers and validators: an exception there is a bug too, reported as one.
            var parsed = BuildRoot(guarded, error).Parse(args);
            return await parsed.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (OutputWriteException e)
        {
            await error.WriteLineAsync($"cradle: cannot write the output: {e.Message}").ConfigureAwait(false);
            return Failures.ExitCodeOf(e);
        }
#pragma warning disable CA1031 // The composition root turns any unexpected exception into exit code 3 with a request to report it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"cradle: internal error: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            await error.WriteLineAsync("This is a bug in Cradle. Please report it with the command you ran, the study file and this trace:").ConfigureAwait(false);
            await error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            return ExitCodes.Bug;
        }
    }
}
