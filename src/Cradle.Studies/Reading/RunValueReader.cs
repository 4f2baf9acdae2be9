using System.Globalization;
using Cradle.Core;
using Cradle.Core.Parameters;
using Cradle.Studies.Definition;
using Cradle.Studies.Runs;
using Cradle.Syntax;

namespace Cradle.Studies.Reading;

/// <summary>What a <c>from_run</c> energy stands for.</summary>
internal enum RunEnergyUse
{
    /// <summary>A stage's energy: the run's total.</summary>
    Stage,

    /// <summary>Energy per request: the run's total ÷ its recorded requests.</summary>
    PerRequest,

    /// <summary>Energy per token: not something a run records.</summary>
    PerToken,
}

/// <summary>
/// Turns <c>{from_run: ID}</c> (or <c>{from_job: ID}</c>, the sums over a job's nodes) into the value it stands for, written as an ordinary input (a quantity with its
/// provenance) so the rest of the compiler, the inputs list and the JSON treat it like any other: <i>measured</i>, or
/// <i>modelled</i> when every sensor was, with a source naming the run, host, date and sensors.
/// </summary>
internal static class RunValueReader
{
    private static readonly string[] Boundaries = ["gpu", "node", "facility"];
    private static readonly string[] PueChoices = ["apply", "ignore"];

    /// <summary>Keys of an energy mapping that cannot go with <c>from_run</c> (the run gives the value and its provenance).</summary>
    private static readonly string[] ValueKeys = ["value", "average_power", "provenance", "source", "uncertainty"];

    /// <summary>An energy read from a run; null after reporting why it cannot be.</summary>
    public static EnergyDefinition? Energy(MappingReader e, RunReferences runs, RunEnergyUse use)
    {
        if (!OnlyRunKeys(e))
        {
            return null;
        }
        var boundaryText = e.Choice("boundary", Boundaries);
        var pue = e.Choice("pue", PueChoices);
        if (boundaryText == "facility")
        {
            e.Problems.Error("from-run-boundary", e.LocationOf("boundary"), $"{e.Path}.boundary",
                "a run's sensors measure IT equipment (GPUs, CPU packages, memory), not the facility; write 'gpu' or 'node', and let 'pue' add the facility overhead.");
            return null;
        }
        if (use == RunEnergyUse.PerToken)
        {
            // The per-token reader also reads the per-call energies of retrieval and tool calls, which a run does not count either.
            e.Problems.Error("from-run-per-token", e.LocationOf(RunReferences.KeyOf(e)), $"{e.Path}.{RunReferences.KeyOf(e)}",
                e.Path.EndsWith("_per_call", StringComparison.Ordinal)
                    ? "a run records requests, not retrieval or tool calls; give the energy of one call as a value."
                    : "a run records requests, not tokens; use 'energy_per_request: {from_run: …}' instead of 'energy_per_token'.");
            return null;
        }
        var key = RunReferences.KeyOf(e);
        var run = runs.ResolveAny(e);
        if (run?.EnergyJoules is not { } joules)
        {
            if (run is not null)
            {
                e.Problems.Error("run-without-energy", e.LocationOf(key), $"{e.Path}.{key}",
                    $"{run.Label} recorded no energy (no sensor gave an energy reading), so it cannot give this energy.");
            }
            return null;
        }
        var boundary = Boundary(e, run, boundaryText);
        var source = RunProvenance.Describe(run);
        var sensors = string.Create(CultureInfo.InvariantCulture, $"{InvariantNumber.Format(joules)} J from {run.EnergySensors.Count()} sensor(s)");
        string text, note;
        if (use == RunEnergyUse.PerRequest)
        {
            if (run.Requests is not { } requests)
            {
                e.Problems.Error("run-without-requests", e.LocationOf(key), $"{e.Path}.{key}",
                    $"{run.Label} has no request count (for a job: on every node), so its energy cannot be divided per request; record it when measuring (cradle measure --requests N).");
                return null;
            }
            text = string.Create(CultureInfo.InvariantCulture, $"{joules / requests:R} J/request");
            note = string.Create(CultureInfo.InvariantCulture, $"{sensors} ÷ {requests} requests; {BoundaryNote(run, boundaryText)}");
        }
        else
        {
            // 1 kWh = 3.6e6 J; kWh reads like the other energies of a study.
            text = string.Create(CultureInfo.InvariantCulture, $"{joules / 3.6e6:R} kWh");
            note = $"{sensors}; {BoundaryNote(run, boundaryText)}";
        }
        var datum = new Datum(text, e.LocationOf(key), run.AllModelled ? DataOrigin.Modelled : DataOrigin.Measured, source,
            e.Text("note") is { } n ? $"{n} ({note})" : note);
        return new EnergyDefinition(datum, null, boundary, pue != "ignore", e.Location)
        {
            PueStated = pue,
            PueLocation = e.Has("pue") ? e.LocationOf("pue") : null,
        };
    }

    /// <summary>A stage's device time read from a run (its device-hours); null after reporting why it cannot be.</summary>
    public static DeviceTimeDefinition? DeviceTime(MappingReader t, RunReferences runs)
    {
        if (!OnlyRunKeys(t))
        {
            return null;
        }
        var key = RunReferences.KeyOf(t);
        var run = runs.ResolveAny(t);
        if (run is null)
        {
            return null;
        }
        if (run.DeviceHours is not { } hours)
        {
            var why = !run.Sensors.Any(s => s.IsGpu) ? "it has no GPU sensor"
                : !run.Sensors.Any(s => s.IsCountedGpu) ? "its GPU sensors were unavailable (they read no device)"
                : run is MeasuredJob ? "a node with GPUs has an unknown duration (no end time and no sample)"
                : "its duration is unknown (no end time and no sample)";
            t.Problems.Error("run-without-device-time", t.LocationOf(key), $"{t.Path}.{key}",
                $"{run.Label} cannot give a device time: {why}; state 'device_time' as a value instead.");
            return null;
        }
        var note = run is MeasuredJob job
            ? "sum over the nodes of GPU sensors × each node's measured duration: " + string.Join(" + ",
                job.Runs.Where(r => r.DeviceHours is not null).Select(DeviceTimeTerm))
            : DeviceTimeTerm((MeasuredRun)run) + " measured";
        var datum = new Datum(string.Create(CultureInfo.InvariantCulture, $"{hours:R} h"), t.LocationOf(key), DataOrigin.Measured,
            RunProvenance.Describe(run), t.Text("note") is { } n ? $"{n} ({note})" : note);
        return new DeviceTimeDefinition(datum, null, null, null, t.Location);
    }

    private static string DeviceTimeTerm(MeasuredRun run) => string.Create(CultureInfo.InvariantCulture,
        $"{run.Sensors.Sum(s => s.CountedGpus)} GPU(s) × {InvariantNumber.Format(run.DurationSeconds!.Value)} s");

    /// <summary>Reports every key that states a value or provenance beside <c>from_run</c>.</summary>
    private static bool OnlyRunKeys(MappingReader r)
    {
        var ok = true;
        foreach (var key in ValueKeys.Concat(["flops", "peak_compute", "mfu"]).Where(r.Has))
        {
            r.Problems.Error("from-run-form", r.LocationOf(key), $"{r.Path}.{key}",
                $"'{key}' cannot go with '{RunReferences.KeyOf(r)}': the run gives the value and its provenance. Remove one of them.");
            ok = false;
        }
        return ok;
    }

    /// <summary>The stated boundary, or the one the sensors imply; a stated one the sensors contradict is warned about.</summary>
    private static EnergyBoundary Boundary(MappingReader e, IMeasurement run, string? stated)
    {
        if (stated == "gpu" && !run.GpuOnly)
        {
            var others = string.Join(", ", run.EnergySensors.Where(s => !s.IsGpu).Select(s => s.Kind).Distinct(StringComparer.Ordinal));
            e.Problems.Warning("from-run-boundary", e.LocationOf("boundary"), $"{e.Path}.boundary",
                $"{run.Label} also measured {others}, so its energy covers more than the GPUs; 'boundary: node' describes it.");
        }
        else if (stated == "node" && run.GpuOnly)
        {
            e.Problems.Warning("from-run-boundary", e.LocationOf("boundary"), $"{e.Path}.boundary",
                $"{run.Label} measured GPUs only, so as node energy it leaves out CPUs, memory and networking; 'boundary: gpu' lets the hardware's node power add them.");
        }
        return (stated ?? (run.GpuOnly ? "gpu" : "node")) == "gpu" ? EnergyBoundary.Gpu : EnergyBoundary.Node;
    }

    private static string BoundaryNote(IMeasurement run, string? stated) => stated is not null
        ? $"boundary {stated} as stated"
        : run.GpuOnly
            ? "boundary gpu, from the sensors: every energy reading is a GPU's"
            : "boundary node, from the sensors: the energy includes non-GPU sensors";
}
