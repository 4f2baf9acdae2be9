using Cradle.Studies.Assessment;
using Cradle.Studies.Runs;
using Cradle.Studies.Tests.Support;
using static Cradle.Studies.Tests.Support.FakeRunSource;

namespace Cradle.Studies.Tests.Runs;

/// <summary>
/// Values read from a job's runs across nodes with <c>from_job</c>: the sums, their provenance naming the job and each
/// node, and the refusals (an incomplete node, an unknown job); and <c>from_run</c> of an imported run.
/// </summary>
public sealed class FromJobTests
{
    /// <summary>Development only, so the total is the stage's electricity: grid 0.5 kg CO2e/kWh, PUE 1.5.</summary>
    private const string Study = """
        cradle: 1
        name: from-job
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1 model
          description: one trained model
        system_boundary:
          included: [pre-training]
        impact_categories: [gwp100]
        grids:
          g:
            basis: life-cycle
            per_kwh:
              gwp100: 0.5 kg CO2e/kWh
        sites:
          s:
            grid: g
            pue: 1.5
        stages:
          pre-training:
            site: s
            energy:
              from_job: 4242
            device_time:
              from_job: 4242
        """;

    /// <summary>Node n1: two GPUs, 1.0e9 J each, 1,800 s. Node n2: one GPU, 1.6e9 J, 900 s.</summary>
    private static readonly MeasuredRun[] Nodes =
    [
        Run("20261128-101500-aaaaaa", null, Gpu(0, 1.0e9), Gpu(1, 1.0e9)) with { Host = "n1", JobId = "4242" },
        Run("20261128-101500-bbbbbb", null, Gpu(0, 1.6e9)) with { Host = "n2", JobId = "4242", DurationSeconds = 900 },
    ];

    private static StudyAssessment Assess(string text, IRunSource? runs) => StudyAssessor.Assess(text, "study.yaml", [], null, null, runs);

    private static IReadOnlyList<Syntax.InputProblem> Errors(string text, IRunSource? runs) =>
        Assert.Throws<StudyException>(() => Assess(text, runs)).Problems;

    [Fact]
    public void A_job_gives_the_sums_over_its_nodes_with_each_node_in_the_source()
    {
        // Energy: 1.0e9 + 1.0e9 + 1.6e9 J = 3.6e9 J = 1,000 kWh; × PUE 1.5 × 0.5 kg/kWh = 750 kg CO2e.
        // Device time: n1 2 GPUs × 1,800 s = 1 h; n2 1 GPU × 900 s = 0.25 h; sum 1.25 h (not 3 GPUs × the job's span).
        var source = new FakeRunSource(Nodes);
        var a = Assess(Study, source).Alternatives[0];
        Assert.Equal(750, a.Totals[0], 9);
        var inputs = a.Inputs.ToDictionary(i => i.Name);
        var energy = inputs["stages.pre_training.energy"];
        Assert.Equal((1000.0, "kWh", "measured"), (energy.Value, energy.Unit, energy.Origin));
        Assert.StartsWith("job 4242, 2 nodes, 2026-11-28 10:15–10:45 UTC: run 20261128-101500-aaaaaa on host n1,", energy.Source, StringComparison.Ordinal);
        Assert.Contains("run 20261128-101500-bbbbbb on host n2", energy.Source, StringComparison.Ordinal);
        Assert.Contains("3600000000 J from 3 sensor(s)", energy.Note, StringComparison.Ordinal);
        var time = inputs["stages.pre_training.device_time"];
        Assert.Equal((1.25, "h", "measured"), (time.Value, time.Unit, time.Origin));
        Assert.Contains("2 GPU(s) × 1800 s + 1 GPU(s) × 900 s", time.Note, StringComparison.Ordinal);
        Assert.Equal(1, source.Lookups["job:4242"]);
    }

    [Fact]
    public void A_job_with_an_interrupted_node_is_refused_unless_allowed_and_then_warned_about()
    {
        var killed = new[] { Nodes[0], Nodes[1] with { Status = MeasuredRunStatus.Interrupted } };
        var errors = Errors(Study, new FakeRunSource(killed));
        Assert.All(errors, e => Assert.Equal("job-incomplete", e.Code));
        Assert.Equal(TinyStudy.Find(Study, "4242"), (errors[0].Location!.Line, errors[0].Location!.Column));
        Assert.Contains("on host n2 interrupted", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("allow_incomplete: true", errors[0].Message, StringComparison.Ordinal);

        var allowed = Study.Replace("from_job: 4242", "from_job: 4242\n      allow_incomplete: true", StringComparison.Ordinal);
        var a = Assess(allowed, new FakeRunSource(killed)).Alternatives[0];
        Assert.Equal(750, a.Totals[0], 9);
        Assert.Contains(a.Warnings, w => w.Code == "job-incomplete");
        Assert.Contains("(interrupted)", a.Inputs.Single(i => i.Name == "stages.pre_training.energy").Source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_job_is_an_error_with_suggestions_from_the_recent_jobs()
    {
        var text = Study.Replace("4242", "4243", StringComparison.Ordinal);
        var errors = Errors(text, new FakeRunSource(Nodes));
        var first = errors[0];
        Assert.Equal(("unknown-job", TinyStudy.Find(text, "4243")), (first.Code, (first.Location!.Line, first.Location.Column)));
        Assert.Contains("'4242'", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unavailable_gpu_sensor_counts_toward_no_device_time()
    {
        // n1 as above (2 GPUs × 1,800 s = 1 h) plus an unavailable GPU sensor (no driver): still 1 h for n1, and n2's
        // 0.25 h: 1.25 h. A node whose only GPU sensor is unavailable has no device time at all.
        var noDriver = new MeasuredSensor("gpu", "nvml-gpu", "NVIDIA GPUs", false, "unavailable: NVML library not found", null) { Unavailable = true };
        var nodes = new[] { Nodes[0] with { Sensors = [.. Nodes[0].Sensors, noDriver] }, Nodes[1] };
        var time = Assess(Study, new FakeRunSource(nodes)).Alternatives[0].Inputs.Single(i => i.Name == "stages.pre_training.device_time");
        Assert.Equal(1.25, time.Value, 12);

        var only = Run("20261128-101500-dddddd", "cpu-box", FakeRunSource.Package(3.6e9), noDriver);
        var text = Study.Replace("energy:\n      from_job: 4242\n    device_time:\n      from_job: 4242", "energy:\n      value: 1000 kWh\n    device_time:\n      from_run: cpu-box", StringComparison.Ordinal);
        var error = Assert.Single(Errors(text, new FakeRunSource(only)));
        Assert.Equal("run-without-device-time", error.Code);
        Assert.Contains("GPU sensors were unavailable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_job_and_from_run_together_are_refused()
    {
        var text = Study.Replace("      from_job: 4242\n    device_time", "      from_job: 4242\n      from_run: x\n    device_time", StringComparison.Ordinal);
        Assert.Contains(Errors(text, new FakeRunSource(Nodes)), e => e.Code == "from-run-form" && e.Message.Contains("cannot go together", StringComparison.Ordinal));
    }

    [Fact]
    public void From_run_of_an_imported_run_names_its_origin_in_the_source()
    {
        // 3.6e9 J = 1,000 kWh → 750 kg as above; the origin of the import is part of the provenance.
        var imported = Run("20261128-101500-cccccc", null, Gpu(0, 3.6e9)) with { Origin = "codecarbon 2.3.1: emissions.csv line 2" };
        var text = Study.Replace("from_job: 4242", "from_run: 20261128-101500-cccccc", StringComparison.Ordinal);
        var a = Assess(text, new FakeRunSource(imported)).Alternatives[0];
        Assert.Equal(750, a.Totals[0], 9);
        Assert.Contains(", imported from codecarbon 2.3.1: emissions.csv line 2:",
            a.Inputs.Single(i => i.Name == "stages.pre_training.energy").Source, StringComparison.Ordinal);
    }
}
