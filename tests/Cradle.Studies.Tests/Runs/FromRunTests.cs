using Cradle.Studies.Assessment;
using Cradle.Studies.Runs;
using Cradle.Studies.Tests.Support;
using static Cradle.Studies.Tests.Support.FakeRunSource;

namespace Cradle.Studies.Tests.Runs;

/// <summary>Values read from measured runs with <c>from_run</c>: the numbers, their provenance, and every refusal at its place.</summary>
public sealed class FromRunTests
{
    private const string RunId = "20261128-101500-ab12cd";

    /// <summary>Development only, so the total is the stage's electricity: grid 0.5 kg CO2e/kWh, PUE 1.5.</summary>
    private const string Study = """
        cradle: 1
        name: from-run
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
              from_run: 20261128-101500-ab12cd
        """;

    /// <summary>GPU 3.0e9 J + CPU package 0.6e9 J = 3.6e9 J = 1,000 kWh, measured at more than the GPUs.</summary>
    private static readonly MeasuredRun NodeRun = Run(RunId, "llama-bench", Gpu(0, 3.0e9), Package(0.6e9));

    private static StudyAssessment Assess(string text, IRunSource? runs) => StudyAssessor.Assess(text, "study.yaml", [], null, null, runs);

    private static IReadOnlyList<Syntax.InputProblem> Errors(string text, IRunSource? runs) =>
        Assert.Throws<StudyException>(() => Assess(text, runs)).Problems;

    private static (int Line, int Column) At(string text, string needle) => TinyStudy.Find(text, needle);

    [Fact]
    public void A_stage_energy_from_a_run_is_its_total_through_the_site()
    {
        // 3.0e9 J + 0.6e9 J = 3.6e9 J = 3.6e9 / 3.6e6 kWh = 1,000 kWh; × PUE 1.5 = 1,500 kWh; × 0.5 kg/kWh = 750 kg CO2e.
        var assessment = Assess(Study, new FakeRunSource(NodeRun));
        Assert.Equal(750, TinyStudy.Total(assessment, "gwp100"), 9);
        var input = assessment.Alternatives[0].Inputs.Single(i => i.Name == "stages.pre_training.energy");
        Assert.Equal((1000.0, "kWh", "measured"), (input.Value, input.Unit, input.Origin));
        Assert.Equal(
            "run 20261128-101500-ab12cd 'llama-bench' on host h, 2026-11-28 10:15–10:45 UTC: measured by NVML total-energy counter " +
            "(NVIDIA H100 #0, nvml-gpu), RAPL energy counter (package-0, rapl-package)",
            input.Source);
        // A CPU package among the sensors: the energy covers more than the GPUs, so the boundary is node, and it says so.
        Assert.Contains("boundary node, from the sensors", input.Note, StringComparison.Ordinal);
        Assert.Equal(At(Study, RunId), (input.Location!.Line, input.Location.Column));
        Assert.DoesNotContain(assessment.Alternatives[0].Warnings, w => w.Code == "gpu-only-energy");
    }

    [Fact]
    public void A_run_can_be_named_by_its_name()
    {
        var text = Study.Replace(RunId, "llama-bench", StringComparison.Ordinal);
        Assert.Equal(750, TinyStudy.Total(Assess(text, new FakeRunSource(NodeRun)), "gwp100"), 9);
    }

    [Fact]
    public void A_gpu_only_run_defaults_to_the_gpu_boundary_and_gives_device_hours()
    {
        // Two GPUs, 1.8e9 J each = 3.6e9 J = 1,000 kWh → 750 kg as above (no node power: only warned about).
        // Device time: 2 GPU sensors × 1,800 s = 3,600 device-seconds = 1 device-hour.
        var run = Run(RunId, null, Gpu(0, 1.8e9), Gpu(1, 1.8e9));
        var text = Study + "\n    device_time:\n      from_run: " + RunId + "\n";
        var a = Assess(text, new FakeRunSource(run)).Alternatives[0];
        Assert.Equal(750, a.Totals[0], 9);
        Assert.Contains(a.Warnings, w => w.Code == "gpu-only-energy");
        var inputs = a.Inputs.ToDictionary(i => i.Name);
        Assert.Contains("boundary gpu, from the sensors", inputs["stages.pre_training.energy"].Note, StringComparison.Ordinal);
        var time = inputs["stages.pre_training.device_time"];
        Assert.Equal((1.0, "h", "measured"), (time.Value, time.Unit, time.Origin));
        Assert.StartsWith("run 20261128-101500-ab12cd on host h,", time.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gpu_sensor_covering_eight_gpus_counts_eight_in_device_time()
    {
        // An imported total (CodeCarbon's gpu_energy of 8 tracked GPUs): one sensor, Devices = 8.
        // Device time: 8 GPUs × 1,800 s = 14,400 device-seconds = 4 device-hours; the energy is unchanged, 750 kg.
        var run = Run(RunId, null, Gpu(0, 3.6e9) with { Devices = 8 });
        var a = Assess(Study + "\n    device_time:\n      from_run: " + RunId + "\n", new FakeRunSource(run)).Alternatives[0];
        Assert.Equal(750, a.Totals[0], 9);
        var time = a.Inputs.Single(i => i.Name == "stages.pre_training.device_time");
        Assert.Equal(4.0, time.Value, 12);
        Assert.Contains("8 GPU(s) × 1800 s", time.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_read_twice_is_looked_up_once()
    {
        var source = new FakeRunSource(Run(RunId, null, Gpu(0, 3.6e9)));
        Assess(Study + "\n    device_time:\n      from_run: " + RunId + "\n", source);
        Assert.Equal(1, source.Lookups[RunId]);
    }

    [Fact]
    public void A_stated_boundary_wins_and_one_the_sensors_contradict_is_warned_about()
    {
        var text = Study.Replace($"from_run: {RunId}", $"from_run: {RunId}\n      boundary: gpu", StringComparison.Ordinal);
        var a = Assess(text, new FakeRunSource(NodeRun)).Alternatives[0];
        var warning = Assert.Single(a.Warnings, w => w.Code == "from-run-boundary");
        Assert.Equal(At(text, "gpu"), (warning.Location!.Line, warning.Location.Column));
        Assert.Contains("rapl-package", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pue_ignore_is_honoured()
    {
        // 1,000 kWh × 0.5 kg/kWh = 500 kg CO2e without the facility overhead.
        var text = Study.Replace($"from_run: {RunId}", $"from_run: {RunId}\n      pue: ignore", StringComparison.Ordinal);
        Assert.Equal(500, TinyStudy.Total(Assess(text, new FakeRunSource(NodeRun)), "gwp100"), 9);
    }

    [Fact]
    public void Modelled_parts_are_named_and_a_wholly_modelled_run_is_modelled()
    {
        var mixed = Run(RunId, null, Gpu(0, 3.0e9), ModelledDram(0.6e9));
        var input = Assess(Study, new FakeRunSource(mixed)).Alternatives[0].Inputs.Single(i => i.Name == "stages.pre_training.energy");
        Assert.Equal("measured", input.Origin);
        Assert.EndsWith("; modelled: 0.375 W/GB × 64 GB (RAPL DRAM unreadable: permission denied) (DRAM, modelled-memory)",
            input.Source, StringComparison.Ordinal);

        var modelled = Run(RunId, null, ModelledDram(3.6e9));
        Assert.Equal("modelled",
            Assess(Study, new FakeRunSource(modelled)).Alternatives[0].Inputs.Single(i => i.Name == "stages.pre_training.energy").Origin);
    }

    [Fact]
    public void Energy_per_request_is_the_run_energy_over_its_requests()
    {
        // 6.0e6 J + 1.2e6 J = 7.2e6 J over 1,000 requests = 7,200 J/request = 7,200 / 3.6e6 kWh = 0.002 kWh/request: the
        // tiny study's own figure (and boundary node, as its plain value), so every total must equal the tiny study's.
        var run = Run(RunId, null, Gpu(0, 6.0e6), Package(1.2e6)) with { Requests = 1000 };
        var text = TinyStudy.With("energy_per_request: 0.002 kWh/request", $"energy_per_request: {{from_run: {RunId}}}");
        var fromRun = StudyAssessor.Assess(text, TinyStudy.File, [], null, null, new FakeRunSource(run));
        var stated = TinyStudy.Assess();
        Assert.Equal(TinyStudy.Total(stated, "gwp100"), TinyStudy.Total(fromRun, "gwp100"), 12);
        Assert.Equal(TinyStudy.Total(stated, "water"), TinyStudy.Total(fromRun, "water"), 12);
        var input = fromRun.Alternatives[0].Inputs.Single(i => i.Name == "inference.energy_per_request");
        Assert.Equal(("J/request", "measured"), (input.Unit, input.Origin));
        Assert.Equal(7200, input.Value, 9);
        Assert.Contains("÷ 1000 requests", input.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incomplete_run_is_refused_unless_allowed_and_then_warned_about()
    {
        var interrupted = NodeRun with { Status = MeasuredRunStatus.Interrupted };
        var error = Assert.Single(Errors(Study, new FakeRunSource(interrupted)));
        Assert.Equal(("run-incomplete", At(Study, RunId)), (error.Code, (error.Location!.Line, error.Location.Column)));
        Assert.Contains("allow_incomplete: true", error.Message, StringComparison.Ordinal);

        var allowed = Study.Replace($"from_run: {RunId}", $"from_run: {RunId}\n      allow_incomplete: true", StringComparison.Ordinal);
        var a = Assess(allowed, new FakeRunSource(interrupted)).Alternatives[0];
        Assert.Equal(750, a.Totals[0], 9);
        Assert.Contains(a.Warnings, w => w.Code == "run-incomplete" && w.Location!.Line == At(allowed, RunId).Line);
        Assert.Contains("(interrupted)", a.Inputs.Single(i => i.Name == "stages.pre_training.energy").Source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_run_is_an_error_with_suggestions_from_the_recent_runs()
    {
        var text = Study.Replace(RunId, "llama-bnech", StringComparison.Ordinal);
        var error = Assert.Single(Errors(text, new FakeRunSource(NodeRun)));
        Assert.Equal(("unknown-run", At(text, "llama-bnech")), (error.Code, (error.Location!.Line, error.Location.Column)));
        Assert.Contains("llama-bench", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_run_source_the_error_says_to_pass_the_store()
    {
        var error = Assert.Single(Errors(Study, null));
        Assert.Equal(("no-run-store", At(Study, RunId)), (error.Code, (error.Location!.Line, error.Location.Column)));
        Assert.Contains("--store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_source_is_reported_at_the_reference()
    {
        var error = Assert.Single(Errors(Study, new FakeRunSource { Failure = "no run store at /x/runs.db" }));
        Assert.Equal(("run-store-unavailable", At(Study, RunId)), (error.Code, (error.Location!.Line, error.Location.Column)));
        Assert.Contains("no run store at /x/runs.db", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_requests_cannot_give_energy_per_request()
    {
        var text = TinyStudy.With("energy_per_request: 0.002 kWh/request", $"energy_per_request: {{from_run: {RunId}}}");
        var error = Assert.Single(Errors(text, new FakeRunSource(NodeRun)));
        Assert.Equal(("run-without-requests", At(text, RunId)), (error.Code, (error.Location!.Line, error.Location.Column)));
    }

    [Fact]
    public void A_run_without_energy_or_without_gpus_is_refused_for_what_it_lacks()
    {
        var silent = Run(RunId, null, Gpu(0, 1) with { EnergyJoules = null });
        var error = Assert.Single(Errors(Study, new FakeRunSource(silent)));
        Assert.Equal(("run-without-energy", At(Study, RunId)), (error.Code, (error.Location!.Line, error.Location.Column)));

        var cpuOnly = Run(RunId, null, Package(3.6e9));
        var text = Study + "\n    device_time: {from_run: " + RunId + "}\n";
        var noGpu = Assert.Single(Errors(text, new FakeRunSource(cpuOnly)));
        // The second reference, on the last line "    device_time: {from_run: ID}": 4 spaces + "device_time: " (13) +
        // "{from_run: " (11) = 28 characters before the id, so column 29.
        Assert.Equal(("run-without-device-time", (text.TrimEnd('\n').Split('\n').Length, 29)), (noGpu.Code, (noGpu.Location!.Line, noGpu.Location.Column)));
        Assert.Contains("no GPU sensor", noGpu.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_beside_from_run_and_a_facility_boundary_are_refused_at_their_keys()
    {
        var withValue = Study.Replace($"from_run: {RunId}", $"from_run: {RunId}\n      value: 3 kWh", StringComparison.Ordinal);
        var error = Assert.Single(Errors(withValue, new FakeRunSource(NodeRun)));
        Assert.Equal(("from-run-form", At(withValue, "3 kWh")), (error.Code, (error.Location!.Line, error.Location.Column)));

        var facility = Study.Replace($"from_run: {RunId}", $"from_run: {RunId}\n      boundary: facility", StringComparison.Ordinal);
        var boundary = Assert.Single(Errors(facility, new FakeRunSource(NodeRun)));
        Assert.Equal(("from-run-boundary", At(facility, "facility")), (boundary.Code, (boundary.Location!.Line, boundary.Location.Column)));

        var stray = Study.Replace($"from_run: {RunId}", "value: 3 kWh\n      allow_incomplete: true", StringComparison.Ordinal);
        var strayError = Assert.Single(Errors(stray, null));
        Assert.Equal(("from-run-form", At(stray, "true")), (strayError.Code, (strayError.Location!.Line, strayError.Location.Column)));
    }

    [Fact]
    public void Energy_per_token_cannot_come_from_a_run()
    {
        var text = TinyStudy.With("energy_per_request: 0.002 kWh/request",
            $"energy_per_token: {{from_run: {RunId}}}\n  output_tokens: 100 token/request");
        var error = Assert.Single(Errors(text, new FakeRunSource(NodeRun)));
        Assert.Equal(("from-run-per-token", At(text, RunId)), (error.Code, (error.Location!.Line, error.Location.Column)));
    }
}
