namespace Cradle.Acceptance.Tests;

/// <summary>
/// The measurement example end to end, as the README runs it: `cradle measure` stores a run of the example workload
/// with the CPU declared, and `cradle assess` takes its energy per request into the example study.
/// </summary>
public sealed class MeasureExampleTests
{
    [Fact]
    public async Task The_example_workload_is_measured_and_its_energy_per_request_enters_the_study()
    {
        using var temp = new TempDirectory();
        var store = temp.File("runs.db");
        var workload = Path.Combine(Repository.Root, "examples", "measure", "workload.sh");
        var measured = await CliRunner.ChildProcessAsync(
            "measure", "--store", store, "--name", "measure-demo", "--requests", "100", "--cpu", "amd-epyc-7742", "--format", "json", "--", "sh", workload);
        Assert.True(measured.ExitCode == 0, measured.Error);
        Assert.Contains("scored 100 requests", measured.Output, StringComparison.Ordinal);

        var study = Path.Combine(Repository.Root, "examples", "measure", "study.yaml");
        var assessed = await CliRunner.InProcessAsync("assess", study, "--store", store, "--format", "json");
        Assert.True(assessed.ExitCode == 0, assessed.Error);
        // The energy per request is the run's, with the run named and the declared CPU's model in its source.
        Assert.Contains("\"name\": \"inference.energy_per_request\"", assessed.Output, StringComparison.Ordinal);
        Assert.Contains("'measure-demo' on host", assessed.Output, StringComparison.Ordinal);
        Assert.Contains("declared CPU 'amd-epyc-7742' matched catalog 'amd-epyc-7742'", assessed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_run_the_example_study_says_which_run_is_missing()
    {
        using var temp = new TempDirectory();
        var store = temp.File("runs.db");
        var created = await CliRunner.ChildProcessAsync("measure", "--store", store, "--name", "other", "--", "sh", "-c", "exit 0");
        Assert.True(created.ExitCode == 0, created.Error);

        var study = Path.Combine(Repository.Root, "examples", "measure", "study.yaml");
        var run = await CliRunner.InProcessAsync("assess", study, "--store", store);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error [unknown-run] inference.energy_per_request", run.Error, StringComparison.Ordinal);
    }
}
