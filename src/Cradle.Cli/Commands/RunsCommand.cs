using System.CommandLine;
using Cradle.Cli.Rendering;
using Cradle.Store;
using Cradle.Store.Postgres;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle runs list|show|export|rm</c>: the runs in the run store.</summary>
public static class RunsCommand
{
    /// <summary>Builds the command and its subcommands.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("runs",
            "The measured runs in the run store (written by 'cradle measure'; docs/run-store.md): list them, show one with its " +
            "sensors and energy, export its samples, remove it, compare runs per request with ESS. " + ExitCodes.Help);
        command.Subcommands.Add(List(output, error));
        command.Subcommands.Add(Show(output, error));
        command.Subcommands.Add(Export(output, error));
        command.Subcommands.Add(Remove(output, error));
        command.Subcommands.Add(RunsCompareCommand.Build(output, error));
        return command;
    }

    private static Option<string> Format(string description, params string[] values)
    {
        var format = new Option<string>("--format", "-f") { Description = description, DefaultValueFactory = _ => values[0] };
        format.AcceptOnlyFromAmong(values);
        return format;
    }

    private static Argument<string> RunArgument() => new("RUN") { Description = "The run's id, or its name." };

    private static Command List(TextWriter output, TextWriter error)
    {
        var store = StoreOption.ForRuns();
        var format = Format("'table' for people, 'json' (schema cradle.runs/1) for programs.", "table", "json");
        var command = new Command("list",
            "List the runs, newest first. Runs whose writer is gone without finishing them (killed, crashed) are first marked " +
            "interrupted: their samples up to the last flush are kept. " + ExitCodes.Help) { store, format };
        command.SetAction((parse, _) => WithStoreAsync(parse.GetValue(store), error, s =>
        {
            s.MarkInterruptedRuns();
            var runs = s.ListRuns(RunFilter.All);
            if (parse.GetValue(format) == "json")
            {
                RunsRenderer.ListJson(runs, output);
            }
            else
            {
                RunsRenderer.ListTable(runs, output);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var store = StoreOption.ForRuns();
        var run = RunArgument();
        var format = Format("'table' for people, 'json' (schema cradle.run/1) for programs.", "table", "json");
        var command = new Command("show",
            "Show a run: command, host, times, status, exit code, inference metadata, and each sensor with its provenance, " +
            "samples and energy (its last cumulative reading), and the idle baseline with each sensor's energy net of idle when " +
            "the run was measured with --idle. " + ExitCodes.Help) { run, store, format };
        command.SetAction((parse, _) => WithStoreAsync(parse.GetValue(store), error, s =>
        {
            s.MarkInterruptedRuns();
            if (Find(s, parse.GetValue(run)!, error) is not { } found)
            {
                return ExitCodes.InvalidInput;
            }
            var sensors = s.GetSensors(found.Id);
            var samples = s.GetSamples(found.Id);
            var idle = s.GetIdleBaseline(found.Id);
            if (parse.GetValue(format) == "json")
            {
                RunsRenderer.ShowJson(found, sensors, samples, idle, output);
            }
            else
            {
                RunsRenderer.ShowTable(found, sensors, samples, idle, output);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Export(TextWriter output, TextWriter error)
    {
        var store = StoreOption.ForRuns();
        var run = RunArgument();
        var format = Format("'csv' (one row per sample, empty cells for unavailable figures) or 'json' (schema cradle.samples/1).", "csv", "json");
        var file = OutputFile.Create("the samples");
        var command = new Command("export",
            "Export a run's samples (offset in seconds since sampling started, cumulative energy in J, power in W, temperature " +
            "in °C, utilisation 0–1; unavailable figures are empty or null, never 0). " + ExitCodes.Help) { run, store, format, file };
        command.SetAction(async (parse, _) =>
        {
            var code = ExitCodes.Success;
            IReadOnlyList<Sample>? samples = null;
            var opened = await WithStoreAsync(parse.GetValue(store), error, s =>
            {
                if (Find(s, parse.GetValue(run)!, error) is not { } found)
                {
                    code = ExitCodes.InvalidInput;
                    return code;
                }
                samples = s.GetSamples(found.Id);
                return ExitCodes.Success;
            }).ConfigureAwait(false);
            if (opened != ExitCodes.Success || samples is null)
            {
                return opened;
            }
            Action<TextWriter> render = parse.GetValue(format) == "json"
                ? w => RunsRenderer.SamplesJson(samples, w)
                : w => RunsRenderer.SamplesCsv(samples, w);
            return await OutputFile.WriteAsync(parse.GetValue(file), render, output, error).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Remove(TextWriter output, TextWriter error)
    {
        var store = StoreOption.ForRuns();
        var run = RunArgument();
        var command = new Command("rm", "Remove a run with its sensors and samples (not one still being measured). " + ExitCodes.Help) { run, store };
        command.SetAction((parse, _) => WithStoreAsync(parse.GetValue(store), error, s =>
        {
            s.MarkInterruptedRuns();
            if (Find(s, parse.GetValue(run)!, error) is not { } found)
            {
                return ExitCodes.InvalidInput;
            }
            try
            {
                s.DeleteRun(found.Id);
            }
            catch (RunNotWritableException e)
            {
                error.WriteLine($"cradle: {e.Message}");
                return Failures.ExitCodeOf(e);
            }
            output.WriteLine($"Removed run {found.Id}.");
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static Run? Find(IRunStore store, string idOrName, TextWriter error)
    {
        var run = store.FindRun(idOrName);
        if (run is null)
        {
            var hint = Core.NameSuggestions.Hint(idOrName, store.ListRuns(new RunFilter(Limit: 50)).SelectMany(r => r.Name is null ? new[] { r.Id } : [r.Id, r.Name]));
            error.WriteLine($"cradle: no run '{Syntax.Printable.Escape(idOrName)}' in the store{hint}. 'cradle runs list' lists them.");
        }
        return run;
    }

    internal static async Task<int> WithStoreAsync(string? given, TextWriter error, Func<IRunStore, int> action)
    {
        string location;
        try
        {
            location = StoreOption.Resolve(given).Location;
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"cradle: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Environment;
        }

        var shown = StoreOption.Display(location);
        if (!RunStores.IsPostgres(location) && !File.Exists(location))
        {
            // Reading commands do not create an empty store where none is.
            await error.WriteLineAsync($"cradle: no run store at '{shown}'; 'cradle measure' creates it, or name one with --store.").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
        try
        {
            using var store = RunStores.Open(location);
            return action(store);
        }
        catch (StoreException e) when (e is not RunNotFoundException)
        {
            await error.WriteLineAsync($"cradle: cannot use the run store '{shown}': {e.Message}").ConfigureAwait(false);
            return Failures.ExitCodeOf(e);
        }
    }
}
