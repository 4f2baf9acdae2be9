using Cradle.Runs;
using System.Globalization;
using System.CommandLine;
using Cradle.Catalog;
using Cradle.Cli.Measuring;
using Cradle.Measure.Nvml;
using Cradle.Measure.Procfs;
using Cradle.Measure.Running;
using Cradle.Measure.Sampling;
using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;
using Cradle.Measure.Thermal;
using Cradle.Store;
using Cradle.Store.Postgres;
using Cradle.Server.Hosting;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle measure [options] -- CMD ARGS…</c>: runs a command and stores its energy in the run store.</summary>
public static class MeasureCommand
{
    /// <summary>Exit-code text of this command: it passes the child's code through.</summary>
    internal const string ExitHelp =
        "Exit codes: the measured command's own exit code (128 + N when signal N ended it); 1 invalid options, an invalid --catalog file, a --name already used " +
        "or a non-loopback --metrics address without a token; 2 the run store cannot be opened or written, the --metrics address is taken, or the command " +
        "cannot be started (nothing is run); 3 a bug in Cradle. " +
        "These differ from the other commands, whose codes are: " + ExitCodes.Help;

    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var commandLine = new Argument<string[]>("COMMAND")
        {
            Description = "The command to measure and its arguments, after '--' (run as they are, no shell).",
            Arity = ArgumentArity.OneOrMore,
        };
        var store = StoreOption.ForRuns();
        var name = new Option<string?>("--name") { Description = "A name for the run, unique in the store (use it in place of the id).", HelpName = "NAME" };
        var requests = NumberOptions.Count("--requests", "Requests the command served (an inference benchmark); the summary then gives the energy per request.", "requests", 1000);
        var model = new Option<string?>("--model") { Description = "The model served, as you name it (recorded).", HelpName = "NAME" };
        var parameters = NumberOptions.Positive("--params", "The model's parameter count, e.g. 7e9 (recorded).", "COUNT", "7e9");
        var precision = new Option<string?>("--precision") { Description = "Numeric precision of the model (recorded).", HelpName = "P" };
        precision.AcceptOnlyFromAmong("fp32", "fp16", "bf16", "fp8", "int8", "int4");
        var task = new Option<string?>("--task") { Description = "The task served, e.g. text-generation (recorded).", HelpName = "TEXT" };
        var gpus = new Option<string?>("--gpus")
        {
            Description = "GPUs to measure: NVML indices or UUIDs, comma-separated. Default: those CUDA_VISIBLE_DEVICES names, else every GPU.",
            HelpName = "LIST",
        };
        var cpu = new Option<string?>("--cpu")
        {
            Description = "The CPU, as a catalog id or name (e.g. amd-epyc-7742), for the modelled fallback when /proc/cpuinfo's model name " +
                "is too vague to match (virtual machines often say only 'AMD EPYC'); the provenance says it was declared.",
            HelpName = "CPU",
        };
        var site = new Option<string?>("--site")
        {
            Description = "Where the run's electricity comes from: a catalog grid (country such as DE, eGRID subregion), cloud region (e.g. " +
                "aws-eu-central-1) or data-centre fleet; the summary adds CO2e and water for the total energy, with each factor's source.",
            HelpName = "ID",
        };
        var idle = new Option<string?>("--idle")
        {
            Description = "Before starting the command, read the machine-wide sensors (RAPL, NVML) this long with nothing started, e.g. 10s, " +
                "500ms, 2m; the summary then gives each sensor's energy net of idle (the modelled CPU has no idle share).",
            HelpName = "DURATION",
        };
        var threshold = new Option<double>("--thermal-threshold")
        {
            Description = "Temperature in °C above which the summary counts time, per temperature sensor (hwmon, thermal zones, GPUs).",
            HelpName = "CELSIUS",
            DefaultValueFactory = _ => 80,
        };
        var catalogFiles = CatalogFilesOption.Create();
        catalogFiles.Description = "A catalog file (YAML, docs/catalog-format.md) adding CPUs for the modelled fallback (a CPU " +
            "missing from the shipped catalog is otherwise reported as unavailable); repeat for several.";
        var job = new Option<string?>("--job")
        {
            Description = "The batch job this run is one node's share of, e.g. $SLURM_JOB_ID: run 'srun cradle measure --job $SLURM_JOB_ID -- CMD' " +
                "on every node and 'cradle runs show --job ID' sums the nodes. Default: $" + JobIdentity.Variable + " when it is set (the summary says so); " +
                "an explicit --job wins.",
            HelpName = "ID",
        };
        var tag = new Option<string[]>("--tag")
        {
            Description = "A label for the run (e.g. baseline, team=nlp: 1-64 characters, no commas); repeat for several (at most " +
                "16). 'cradle runs list --tag TAG' and cradle serve filter by it.",
            HelpName = "TAG",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "'table': the summary on standard error; 'json': the summary (schema cradle.measurement/1) on standard output.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var summaryFile = OutputFile.Create("the summary (table or JSON, as --format says)");
        summaryFile.Description = "Write the summary (table or JSON, as --format says) to this file instead of standard error (table) " +
            "or standard output (JSON), so it never mixes with the command's own output.";
        var metrics = new Option<string?>("--metrics")
        {
            Description = "While the command runs, serve its counters (energy, power, temperature, utilisation per sensor, samples " +
                "written) for Prometheus at http://HOST:PORT/metrics; HOST defaults to 127.0.0.1, port 0 lets the system choose (the " +
                $"address is printed). Any HOST but loopback needs a token (--metrics-token or ${ServerOptions.TokenVariable}). If the " +
                "address is taken, nothing is run.",
            HelpName = "[HOST:]PORT",
        };
        var metricsToken = new Option<string?>("--metrics-token")
        {
            Description = $"The token scrapes of --metrics must carry (Authorization: Bearer TOKEN), at least {ServerOptions.MinimumTokenLength} " +
                $"characters. Default ${ServerOptions.TokenVariable}, which keeps it out of 'ps'.",
            HelpName = "TOKEN",
        };
        var command = new Command("measure",
            "Run a command and measure its energy: NVIDIA GPUs through NVML, CPU packages and DRAM through RAPL and, where no RAPL " +
            "counter is readable, the CPU of the command's process tree modelled from its CPU time and the catalog's TDP (labelled " +
            "modelled, with the reason). Samples go to the run store about once a second, so a crash loses at most the last second. " +
            "Standard input, output and error are the command's; SIGINT and SIGTERM are passed to it. The summary (run id, duration, " +
            "energy per sensor with its provenance, mean power, sampler overhead, energy per request) goes to standard error. " +
            "See docs/measurement.md. " + ExitHelp)
        {
            commandLine, store, name, job, tag, requests, model, parameters, precision, task, gpus, cpu, site, idle, threshold, catalogFiles, format,
            summaryFile, metrics, metricsToken,
        };
        command.SetAction((parse, cancel) => RunAsync(
            parse.GetValue(commandLine)!, parse.GetValue(store), parse.GetValue(name), parse.GetValue(job),
            new InferenceMetadata(parse.GetValue(requests), parse.GetValue(model), parse.GetValue(parameters), parse.GetValue(precision), parse.GetValue(task)),
            parse.GetValue(gpus), parse.GetValue(cpu), new Extras(parse.GetValue(site), parse.GetValue(idle), parse.GetValue(threshold), parse.GetValue(summaryFile), parse.GetValue(tag) ?? [])
            {
                Metrics = parse.GetValue(metrics),
                MetricsToken = parse.GetValue(metricsToken),
            },
            parse.GetValue(catalogFiles)!, parse.GetValue(format) == "json", output, error));
        return command;
    }

    private static async Task<int> RunAsync(
        string[] commandLine, string? storeGiven, string? name, string? jobGiven, InferenceMetadata inference, string? gpuList, string? declaredCpu, Extras extras, FileInfo[] catalogFiles, bool json,
        TextWriter output, TextWriter error)
    {
        var (loaded, catalogExit) = await CatalogFilesOption.LoadAsync(catalogFiles, error).ConfigureAwait(false);
        if (loaded is not { } catalog)
        {
            return catalogExit;
        }

        SiteFactors? site = null;
        if (extras.Site is { } siteId && (site = SiteFactors.Resolve(catalog, siteId, out var hint)) is null)
        {
            await error.WriteLineAsync($"cradle: --site '{siteId}' is not a grid, cloud region or data-centre fleet of the catalog.{hint} Nothing was run; see 'cradle catalog list'.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        TimeSpan? idleFor = null;
        if (extras.Idle is { } idleText && (idleFor = DurationText.Parse(idleText)) is null)
        {
            await error.WriteLineAsync($"cradle: --idle expects a positive duration up to 24h, a number and a unit (ms, s, m, h) with no space, e.g. 10s or 500ms; got '{idleText}'.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        if (!double.IsFinite(extras.ThermalThresholdCelsius))
        {
            await error.WriteLineAsync("cradle: --thermal-threshold expects a finite temperature in °C.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        string storeLocation;
        try
        {
            storeLocation = StoreOption.Resolve(storeGiven).Location;
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"cradle: {e.Message} Nothing was run.").ConfigureAwait(false);
            return ExitCodes.Environment;
        }

        var storeShown = StoreOption.Display(storeLocation);
        if (extras.SummaryFile is { } summaryTarget && SummaryClash(summaryTarget, storeLocation, catalogFiles) is { } clash)
        {
            await error.WriteLineAsync(clash).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        if (name is { Length: 0 })
        {
            await error.WriteLineAsync("cradle: --name expects a name; got an empty one.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        if (RunTags.Problem(extras.Tags) is { } tagProblem)
        {
            await error.WriteLineAsync($"cradle: --tag: {Syntax.Printable.Escape(tagProblem)} Nothing was run.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var job = JobIdentity.Resolve(jobGiven, Environment.GetEnvironmentVariable(JobIdentity.Variable));
        if (job.Problem is { } jobProblem)
        {
            await error.WriteLineAsync($"cradle: {jobProblem} Nothing was run.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        if (job.Note is { } jobNote)
        {
            await error.WriteLineAsync($"cradle: {jobNote}").ConfigureAwait(false);
        }

        // Started before anything is stored or run, so a taken port or a missing token refuses the whole measurement.
        var (metricsServer, metricsExit) = await MeasureMetrics.StartAsync(extras.Metrics, extras.MetricsToken, error).ConfigureAwait(false);
        if (metricsExit is { } refused)
        {
            return refused;
        }
        await using var servedMetrics = metricsServer;

        IRunStore store;
        Run run;
        try
        {
            store = RunStores.Open(storeLocation);
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"cradle: cannot open the run store '{storeShown}': {e.Message} Nothing was run; name a writable file or a reachable server with --store.").ConfigureAwait(false);
            return Failures.ExitCodeOf(e);
        }

        using (store)
        {
            try
            {
                run = store.CreateRun(new NewRun(name, Quote(commandLine), Environment.MachineName, Environment.CurrentDirectory,
                    Environment.ProcessId, null, inference) { JobId = job.JobId, Tags = extras.Tags });
            }
            catch (DuplicateRunNameException e)
            {
                await error.WriteLineAsync($"cradle: {e.Message} Nothing was run; choose another --name.").ConfigureAwait(false);
                return Failures.ExitCodeOf(e);
            }
            catch (StoreException e)
            {
                await error.WriteLineAsync($"cradle: cannot write to the run store '{storeShown}': {e.Message} Nothing was run.").ConfigureAwait(false);
                return Failures.ExitCodeOf(e);
            }

            var explicitGpus = gpuList?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            IdleBaseline? baseline = null;
            var idleStored = false;
            if (idleFor is { } window)
            {
                // A GPU set of its own: sensors read on one monotonic clock each, and the run's sampler starts its own.
                using var idleGpus = SensorDiscovery.Gpus(explicitGpus);
                baseline = await IdleBaseline.MeasureAsync(window, idleGpus.Sensors, "/", FileSysfsReader.Instance, TimeProvider.System).ConfigureAwait(false);
                idleStored = await StoreIdleAsync(store, run.Id, baseline, error).ConfigureAwait(false);
            }

            using var gpuSet = SensorDiscovery.Gpus(explicitGpus);
            using var requestFile = RequestCountFile.Create();
            ChildProcess child;
            try
            {
                child = ChildProcess.Start(commandLine[0], commandLine[1..],
                    environment: new Dictionary<string, string> { [RequestCountFile.Variable] = requestFile.FilePath });
            }
            catch (ChildStartException e)
            {
                store.FinishRun(run.Id, RunStatus.Failed, null);
                await error.WriteLineAsync($"cradle: {e.Message}; run {run.Id} is stored as failed.").ConfigureAwait(false);
                return Failures.ExitCodeOf(e);
            }

            using (child)
            {
                IReadOnlyList<ISensor> sensors =
                [
                    .. gpuSet.Sensors,
                    .. SensorDiscovery.CpuSensors(child.Pid, "/", "/proc", FileSysfsReader.Instance, catalog, declaredCpu),
                    .. TemperatureDiscovery.Hwmon("/", FileSysfsReader.Instance),
                    .. TemperatureDiscovery.ThermalZones("/", FileSysfsReader.Instance),
                ];
                var sink = new StoreSampleSink(store, run.Id, sensors, extras.ThermalThresholdCelsius);
                var live = LiveLineSink.ForConsole(sink, error);
                var commandTree = new ProcessTree("/proc", FileSysfsReader.Instance);
                var chain = (ISampleSink?)live ?? sink;
                if (metricsServer is not null)
                {
                    metricsServer.Metrics.Started(run.Id, run.Host, run.JobId, run.StartedUtc);
                    chain = new MetricsSampleSink(chain, metricsServer.Metrics, sensors);
                }
                var gpuUse = new GpuUseWatch(chain, [.. gpuSet.Sensors.OfType<NvmlGpuSensor>()],
                    () => CommandPids(commandTree, child.Pid));
                using var sampler = new Sampler(sensors, gpuUse, new SamplerOptions(), TimeProvider.System);
                sampler.Start();
                var exit = await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                SamplerOverhead? overhead = null;
                string? problem = null;
                try
                {
                    overhead = sampler.Stop();
                }
                catch (SamplerException e)
                {
                    problem = e.Message;
                }
                live?.Dispose();
                if (metricsServer is not null)
                {
                    // The command has ended: its counters are no longer served.
                    await metricsServer.StopAsync().ConfigureAwait(false);
                }

                var requestNote = await RecordRequestsAsync(store, run.Id, inference.Requests, requestFile, error).ConfigureAwait(false);
                Run finished;
                try
                {
                    finished = store.FinishRun(run.Id, exit.ExitCode == 0 && problem is null ? RunStatus.Complete : RunStatus.Failed, exit.ExitCode);
                }
                catch (StoreException e)
                {
                    // The command has run; only its end could not be recorded (the run will read as interrupted).
                    await error.WriteLineAsync($"cradle: the command exited with {exit.ExitCode}, but run {run.Id} could not be finished in the store: {e.Message}").ConfigureAwait(false);
                    return exit.ExitCode == 0 ? ExitCodes.Environment : exit.ExitCode;
                }

                var duration = overhead?.Wall ?? (finished.EndedUtc ?? finished.StartedUtc) - finished.StartedUtc;
                var results = MeasureSummary.Results(sink.Tallies, duration);
                var summary = new MeasureSummary(finished, exit, duration, results, overhead, problem)
                {
                    Idle = baseline,
                    IdleStored = idleStored,
                    Gpus = gpuUse.Uses,
                    Temperatures = TemperatureResult.Of(sink.Tallies),
                    ThermalThresholdCelsius = extras.ThermalThresholdCelsius,
                };
                summary = summary with { Site = site?.Footprint(summary.TotalEnergyJoules), RequestNote = requestNote };
                Action<TextWriter> render = json ? summary.WriteJson : summary.WriteText;
                var written = await OutputFile.WriteAsync(extras.SummaryFile, render, json ? output : error, error).ConfigureAwait(false);

                // A measurement that failed while the command succeeded must not read as a success.
                return (problem is not null || written != ExitCodes.Success) && exit.ExitCode == 0 ? ExitCodes.Environment : exit.ExitCode;
            }
        }
    }

    /// <summary>Why <paramref name="summary"/> cannot take the summary (it is the store or a catalog file), or null.</summary>
    private static string? SummaryClash(FileInfo summary, string storePath, FileInfo[] catalogFiles)
    {
        if (RunStores.IsPostgres(storePath))
        {
            return OutputFile.Clash(summary, "--output", catalogFiles);
        }

        // The store may not exist yet, so the paths are compared too (identity needs an existing file).
        var sameAsStore = string.Equals(Path.GetFullPath(summary.FullName), Path.GetFullPath(storePath), StringComparison.Ordinal);
        return sameAsStore
            ? $"cradle: --output '{summary}' is the run store; writing the summary there would destroy it. Name another file."
            : OutputFile.Clash(summary, "--output", [new FileInfo(storePath), .. catalogFiles]);
    }

    /// <summary>
    /// Records the count the command wrote to <c>CRADLE_REQUESTS_FILE</c> when <c>--requests</c> did not give one;
    /// returns what the summary should say about it (null when the command wrote nothing).
    /// </summary>
    private static async Task<string?> RecordRequestsAsync(
        IRunStore store, string runId, long? declared, RequestCountFile file, TextWriter error)
    {
        var (count, problem) = file.Read();
        if (problem is not null)
        {
            await error.WriteLineAsync("cradle: " + problem).ConfigureAwait(false);
            return problem;
        }

        if (count is not { } counted)
        {
            return null;
        }

        if (declared is { } given)
        {
            return given == counted ? null : string.Create(CultureInfo.InvariantCulture,
                $"--requests {given} is used; the command wrote {counted} to {RequestCountFile.Variable}");
        }

        try
        {
            store.SetRequestCount(runId, counted);
            return string.Create(CultureInfo.InvariantCulture, $"{counted} requests, as the command wrote to {RequestCountFile.Variable}");
        }
        catch (StoreException e)
        {
            var why = $"the request count the command wrote could not be stored: {e.Message}";
            await error.WriteLineAsync("cradle: " + why).ConfigureAwait(false);
            return why;
        }
    }

    /// <summary>Stores the baseline's readings with the run; false (and a warning) when the store refuses them, so the
    /// summary says the baseline was not kept.</summary>
    private static async Task<bool> StoreIdleAsync(IRunStore store, string runId, IdleBaseline baseline, TextWriter error)
    {
        if (baseline.Sensors.Count == 0)
        {
            return false;
        }

        try
        {
            store.SetIdleBaseline(runId, [.. baseline.Sensors.Select(s => new IdleReading(s.SensorId, baseline.Duration, s.IdleEnergyJoules))]);
            return true;
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"cradle: the idle baseline could not be stored with run {runId} (it is in this summary only): {e.Message}").ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>The measured command's process tree now; null when it has ended or cannot be read (the watch keeps the
    /// pids it saw before).</summary>
    private static IReadOnlyCollection<int>? CommandPids(ProcessTree tree, int rootPid)
    {
        try
        {
            return tree.Read(rootPid)?.Pids;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or FormatException or IOException)
        {
            return null;
        }
    }

    /// <summary>The options this command adds to a run: <c>--site</c>, <c>--idle</c> (unparsed), <c>--thermal-threshold</c> in °C,
    /// <c>--output</c>.</summary>
    private sealed record Extras(string? Site, string? Idle, double ThermalThresholdCelsius, FileInfo? SummaryFile, string[] Tags)
    {
        /// <summary><c>--metrics [HOST:]PORT</c>; null: no metrics served.</summary>
        public string? Metrics { get; init; }

        /// <summary><c>--metrics-token</c>; null: the environment's, if any.</summary>
        public string? MetricsToken { get; init; }
    }

    /// <summary>The command line as one string, each argument quoted for a POSIX shell when it needs it.</summary>
    internal static string Quote(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(a =>
        a.Length > 0 && a.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c, StringComparison.Ordinal))
            ? a
            : "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
}
