using Cradle.Runs;
using System.CommandLine;
using Cradle.Cli.Rendering;
using Cradle.Import.CodeCarbon;
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
        var tag = new Option<string?>("--tag") { Description = "Only runs with this tag (exact; cradle measure --tag).", HelpName = "TAG" };
        var command = new Command("list",
            "List the runs, newest first. Runs whose writer is gone without finishing them (killed, crashed) are first marked " +
            "interrupted: their samples up to the last flush are kept. " + ExitCodes.Help) { store, format, tag };
        command.SetAction((parse, _) => WithStoreAsync(parse.GetValue(store), error, s =>
        {
            s.MarkInterruptedRuns();
            var runs = s.ListRuns(new RunFilter(Tag: parse.GetValue(tag)));
            if (parse.GetValue(format) == "json")
            {
                Cradle.Runs.RunJson.ListJson(runs, output);
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
        var run = new Argument<string?>("RUN") { Description = "The run's id, or its name (or give --job).", Arity = ArgumentArity.ZeroOrOne };
        var job = new Option<string?>("--job")
        {
            Description = "Show a batch job instead of a run: its runs across nodes (cradle measure --job ID on each node, or imported " +
                "with a job id) summed: energy per sensor kind, device-hours, first start to last end, each node, and the nodes " +
                "interrupted, failed or missing.",
            HelpName = "ID",
        };
        var nodes = NumberOptions.Count("--nodes", "With --job: the node count the job ran on (e.g. $SLURM_JOB_NUM_NODES), so that nodes " +
            "with no run are reported missing; without it, missing nodes cannot be told.", "nodes", 4);
        var format = Format("'table' for people, 'json' (schema cradle.run/1, or cradle.job/1 with --job) for programs.", "table", "json");
        var command = new Command("show",
            "Show a run: command, host, job, times, status, exit code, inference metadata, and each sensor with its provenance, " +
            "samples and energy (its last cumulative reading), and the idle baseline with each sensor's energy net of idle when " +
            "the run was measured with --idle. With --job ID, show the job's runs across nodes summed. " + ExitCodes.Help) { run, job, nodes, store, format };
        command.SetAction((parse, _) =>
        {
            var (given, jobId, expected) = (parse.GetValue(run), parse.GetValue(job), parse.GetValue(nodes));
            if ((given is null) == (jobId is null))
            {
                error.WriteLine("cradle: name a run (its id or name) or a job (--job ID), not both and not neither.");
                return Task.FromResult(ExitCodes.InvalidInput);
            }
            if (expected > 1_000_000)
            {
                error.WriteLine("cradle: --nodes expects the node count of the job, at most 1000000.");
                return Task.FromResult(ExitCodes.InvalidInput);
            }
            if (expected is not null && jobId is null)
            {
                error.WriteLine("cradle: --nodes goes with --job (the node count of the job); remove it or add --job ID.");
                return Task.FromResult(ExitCodes.InvalidInput);
            }
            var json = parse.GetValue(format) == "json";
            return WithStoreAsync(parse.GetValue(store), error, s =>
            {
                s.MarkInterruptedRuns();
                return jobId is not null ? ShowJob(s, jobId, expected is { } n ? (int)n : null, json, output, error) : ShowRun(s, given!, json, output, error);
            });
        });
        return command;
    }

    private static int ShowRun(IRunStore s, string idOrName, bool json, TextWriter output, TextWriter error)
    {
        if (Find(s, idOrName, error) is not { } found)
        {
            return ExitCodes.InvalidInput;
        }
        var sensors = s.GetSensors(found.Id);
        var samples = s.GetSamples(found.Id);
        var idle = s.GetIdleBaseline(found.Id);
        if (json)
        {
            Cradle.Runs.RunJson.ShowJson(found, sensors, samples, idle, output);
        }
        else
        {
            RunsRenderer.ShowTable(found, sensors, samples, idle, output);
        }
        return ExitCodes.Success;
    }

    private static int ShowJob(IRunStore s, string jobId, int? expectedNodes, bool json, TextWriter output, TextWriter error)
    {
        if (Cradle.Runs.MeasuredRuns.Job(s, jobId) is not { } found)
        {
            var jobs = s.ListRuns(new RunFilter(Limit: 200)).Where(r => r.JobId is not null).Select(r => r.JobId!).Distinct(StringComparer.Ordinal);
            var hint = Core.NameSuggestions.Hint(jobId, jobs);
            error.WriteLine($"cradle: no run of job '{Syntax.Printable.Escape(jobId)}' in the store{hint}. 'cradle runs list' shows the runs and their jobs.");
            return ExitCodes.InvalidInput;
        }
        if (json)
        {
            JobRenderer.Json(found, expectedNodes, output);
        }
        else
        {
            JobRenderer.Table(found, expectedNodes, output);
        }
        return ExitCodes.Success;
    }

    private static Command Export(TextWriter output, TextWriter error)
    {
        var store = StoreOption.ForRuns();
        var runs = new Argument<string[]>("RUN")
        {
            Description = "The run's id or name; several with --format codecarbon (one row each).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = Format(
            "'csv' (one row per sample, empty cells for unavailable figures), 'json' (schema cradle.samples/1), or 'codecarbon' " +
            "(CodeCarbon's emissions.csv, 3.x columns: one row per run with its IT energy per component in kWh, pue 1.0; docs/importing.md).",
            "csv", "json", "codecarbon");
        var file = OutputFile.Create("the samples");
        var command = new Command("export",
            "Export a run's samples (offset in seconds since sampling started, cumulative energy in J, power in W, temperature " +
            "in °C, utilisation 0–1; unavailable figures are empty or null, never 0), or runs as a CodeCarbon emissions.csv. " +
            ExitCodes.Help) { runs, store, format, file };
        command.SetAction(async (parse, _) =>
        {
            var names = parse.GetValue(runs)!;
            var chosen = parse.GetValue(format)!;
            if (chosen != "codecarbon" && names.Length > 1)
            {
                await error.WriteLineAsync($"cradle: --format {chosen} exports one run's samples; got {names.Length} runs. Export them one by one, or use --format codecarbon.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var records = new List<RunRecord>();
            var opened = await WithStoreAsync(parse.GetValue(store), error, s =>
            {
                foreach (var name in names)
                {
                    if (Find(s, name, error) is not { } found)
                    {
                        return ExitCodes.InvalidInput;
                    }
                    records.Add(new RunRecord(found, s.GetSensors(found.Id), s.GetSamples(found.Id)));
                }
                return ExitCodes.Success;
            }).ConfigureAwait(false);
            if (opened != ExitCodes.Success)
            {
                return opened;
            }

            IReadOnlyList<string> leftOut = [];
            Action<TextWriter> render = chosen switch
            {
                "json" => w => Cradle.Runs.RunJson.SamplesJson(records[0].Samples, w),
                "codecarbon" => w => leftOut = CodeCarbonCsvWriter.Write(records, w),
                _ => w => RunsRenderer.SamplesCsv(records[0].Samples, w),
            };
            var code = await OutputFile.WriteAsync(parse.GetValue(file), render, output, error).ConfigureAwait(false);
            foreach (var sensor in leftOut)
            {
                // CodeCarbon has columns for CPU, GPU and RAM only: any other energy is said to be missing, not folded in.
                await error.WriteLineAsync($"cradle: warning: {sensor} is not a CPU, GPU or RAM sensor; its energy is not in the CodeCarbon file.").ConfigureAwait(false);
            }
            return code;
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
