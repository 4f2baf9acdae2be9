using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary><c>cradle import slurm</c> over real sacct files (tests/data/slurm-sacct, README there), into a real store.</summary>
public sealed class ImportSlurmCommandTests
{
    private static readonly string Data = Path.Combine(Repository.Root, "tests", "data", "slurm-sacct");
    private static readonly string Triton = Path.Combine(Data, "slurm2sql_triton_sacct_test-data1.txt");
    private static readonly string Fox2024 = Path.Combine(Data, "sonar_fox_sacct_2024.txt");

    private const string FoxFields =
        "JobID,JobIDRaw,User,Account,State,Start,End,AveCPU,AveDiskRead,AveDiskWrite,AveRSS,AveVMSize,ElapsedRaw,ExitCode,Layout,MaxRSS,MaxVMSize,MinCPU,ReqCPUS,ReqMem,ReqNodes,Reservation,Submit,Suspended,SystemCPU,TimelimitRaw,UserCPU,NodeList,Partition,AllocTRES,Priority,JobName";

    private static string[] FoxImport(string store, params string[] extra) =>
        ["import", "slurm", Fox2024, "--store", store, "--fields", FoxFields, "--gpu", "nvidia-a100-pcie-40gb",
         "--gpu", "rtx30=nvidia-geforce-rtx-3090", "--time-zone", "Europe/Oslo", .. extra];

    [Fact]
    public async Task Two_files_import_as_runs_with_measured_and_modelled_energy_and_the_assumptions()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var triton = await CliRunner.InProcessAsync("import", "slurm", Triton, "--store", store);
        Assert.Equal(0, triton.ExitCode);
        // Job lines 2 and 5: ConsumedEnergyRaw 54156 + 999 = 55155 J = 0.015321 kWh.
        Assert.Contains("2 jobs imported as runs, 0 records skipped", triton.Output, StringComparison.Ordinal);
        Assert.Contains("energy measured by Slurm energy accounting: 0.015321 kWh (55155 J) over 2 jobs", triton.Output, StringComparison.Ordinal);
        Assert.Contains("which acct_gather_energy plugin, and so which parts it covers, is unknown", triton.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Modelled GPU energy", triton.Output, StringComparison.Ordinal);

        var fox = await CliRunner.InProcessAsync(FoxImport(store));
        Assert.Equal(0, fox.ExitCode);
        // GPU-seconds 1272 (untyped, 250 W) + 1529 (rtx30, 350 W) + 206 (a100, 400 W) = 3007 s = 0.8353 GPU-hours;
        // energy 318000 + 535150 + 82400 = 935550 J = 0.259875 kWh over the 12 + 3 + 1 = 16 GPU jobs; 29 - 16 = 13 CPU-only jobs.
        Assert.Contains("29 jobs imported as runs, 0 records skipped", fox.Output, StringComparison.Ordinal);
        Assert.Contains("allocated: 0.8353 GPU-hours", fox.Output, StringComparison.Ordinal);
        Assert.Contains("energy modelled from the catalog (assumptions below): 0.259875 kWh (935550 J) over 16 jobs", fox.Output, StringComparison.Ordinal);
        Assert.Contains("energy unavailable for 13 jobs (CPU only, no --cpu)", fox.Output, StringComparison.Ordinal);
        Assert.Contains("Green Algorithms' usage factor 1", fox.Output, StringComparison.Ordinal);
        Assert.Contains("gres/gpu:rtx30 → nvidia-geforce-rtx-3090", fox.Output, StringComparison.Ordinal);
        Assert.Contains("Times: read in Europe/Oslo.", fox.Output, StringComparison.Ordinal);

        var list = await CliRunner.InProcessAsync("runs", "list", "--store", store, "--format", "json");
        using var doc = JsonDocument.Parse(list.Output);
        Assert.Equal(31, doc.RootElement.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public async Task Json_lists_each_job_with_its_run_and_each_skipped_record()
    {
        using var dir = new TempDirectory();
        var run = await CliRunner.InProcessAsync("import", "slurm", Path.Combine(Data, "json", "clockwork_cedar_sacct-json_slurm21.08.json"),
            "--store", dir.File("runs.db"), "--gpu", "nvidia-p100-pcie-16gb", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal("cradle.import-slurm/1", doc.RootElement.GetProperty("schema").GetString());
        var file = doc.RootElement.GetProperty("files")[0];
        var job = file.GetProperty("jobs")[0];
        // Job 10: 20615 s × 1 GPU × 250 W = 5153750 J.
        Assert.Equal(("10", 5153750.0, "modelled"), (job.GetProperty("job_id").GetString(), job.GetProperty("energy_j").GetDouble(), job.GetProperty("provenance").GetString()));
        Assert.False(string.IsNullOrEmpty(job.GetProperty("run_id").GetString()));
        var skipped = file.GetProperty("skipped")[0];
        Assert.Equal("jobs[1].state.current", skipped.GetProperty("column").GetString());
    }

    [Fact]
    public async Task A_file_that_is_not_sacct_output_imports_nothing_of_any_file()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var bad = dir.Write("cut.txt", string.Join('\n', File.ReadAllLines(Triton).Take(2)) + "\n43977780|43977780|x\n");
        var run = await CliRunner.InProcessAsync("import", "slurm", Triton, bad, "--store", store);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{bad}:3:4: expected 51 fields", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported.", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    [Fact]
    public async Task Importing_a_file_twice_is_refused_and_counts_nothing_twice()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        Assert.Equal(0, (await CliRunner.InProcessAsync("import", "slurm", Triton, "--store", store)).ExitCode);
        // Triton again with Fox 2024: Triton's records are in the store, so neither file is stored.
        var again = await CliRunner.InProcessAsync(FoxImport(store, Triton));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("line 2 job 43974388 is already in the store", again.Error, StringComparison.Ordinal);
        Assert.Contains("nothing imported (a record is already in the store)", again.Output, StringComparison.Ordinal);
        var list = await CliRunner.InProcessAsync("runs", "list", "--store", store, "--format", "json");
        using var doc = JsonDocument.Parse(list.Output);
        Assert.Equal(2, doc.RootElement.GetProperty("runs").GetArrayLength());
    }

    [Theory]
    [InlineData("--gpu", "rtx30=no-such-gpu", "is not a catalog accelerator")]
    [InlineData("--cpu", "no-such-cpu", "is not a catalog CPU")]
    [InlineData("--time-zone", "Mars/Olympus", "is not a time zone")]
    [InlineData("--gpu-utilisation", "1.5", "fractions in (0, 1]")]
    [InlineData("--site", "atlantis", "is not a grid")]
    public async Task Invalid_options_are_refused_before_anything_is_read(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        var run = await CliRunner.InProcessAsync("import", "slurm", Triton, "--store", dir.File("runs.db"), option, value);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_an_environment_error()
    {
        using var dir = new TempDirectory();
        var run = await CliRunner.InProcessAsync("import", "slurm", dir.File("nope.txt"), "--store", dir.File("runs.db"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "slurm")]
    public async Task Help_lists_the_exit_codes(params string[] command)
    {
        var run = await CliRunner.InProcessAsync([.. command, "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Cradle.Cli.ExitCodes.Help, run.Output, StringComparison.Ordinal);
    }
}
