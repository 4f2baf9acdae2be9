using Cradle.Import.CodeCarbon;
using Cradle.Store;

namespace Cradle.Import.Tests.CodeCarbon;

/// <summary>Every real CodeCarbon file of tests/data/codecarbon-emissions (1.x to 3.2.7) imports, with totals checked by hand.</summary>
public sealed class DatasetImportTests
{
    private const string InvalidFixture = "fixture_codecarbon_emissions_invalid_headers.csv";

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestData.CodeCarbonFolder, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_imports_one_run_per_row_except_the_invalid_header_fixture(string file)
    {
        var import = Imports.Read(file);
        if (file == InvalidFixture)
        {
            // CodeCarbon's own fixture for "the header changed": an 11-column layout no release wrote (1.x had experiment_id).
            var problem = Assert.Single(import.Problems);
            Assert.Equal("missing-column", problem.Code);
            Assert.Equal("experiment_id", problem.Column);
            Assert.Equal(1, problem.Line);
            Assert.Empty(import.Runs);
            return;
        }

        Assert.True(import.Succeeded, string.Join("\n", import.Problems));
        var rows = File.ReadAllLines(TestData.CodeCarbon(file)).Skip(1).Count(l => l.Length > 0);
        Assert.Equal(rows, import.Runs.Count);
        Assert.All(import.Runs, r =>
        {
            Assert.StartsWith("codecarbon ", r.Origin, StringComparison.Ordinal);
            Assert.Contains($"{file} (sha256 ", r.Origin, StringComparison.Ordinal);
            Assert.True(r.EndedUtc >= r.StartedUtc);
            Assert.NotEmpty(r.Sensors);
        });
        StoreInput.Check(import.Runs);
    }

    [Fact]
    public void A_1x_file_gives_one_total_sensor_with_the_sum_of_energy_consumed_and_its_cloud_region()
    {
        var import = Imports.Read("v1x_huggingface-peft_gcp.csv");
        // energy_consumed: 0.0002844599611920524 + 0.00044913010452410243 + 0.00026876638911908817 = 0.001002356454835243 kWh
        // × 3.6e6 J/kWh = 3608.483237406875 J; 1.x has no PUE, so nothing is divided out.
        Assert.Equal(3608.483237406875, Imports.Total(import.Runs, ComponentSensors.TotalKind), 6);
        Assert.All(import.Runs, r =>
        {
            Assert.Equal("gcp-us-central1", r.Run.SiteId);
            var total = Assert.Single(r.Sensors);
            Assert.Equal(SensorProvenance.Modelled, total.Provenance);
            Assert.StartsWith("modelled by CodeCarbon 1.x:", total.Description, StringComparison.Ordinal);
        });
        // Row 1 (line 2): timestamp 2023-07-31T17:43:30 is the end; duration 7.899841785430908 s.
        var first = import.Runs[0];
        Assert.Equal(new DateTimeOffset(2023, 7, 31, 17, 43, 30, TimeSpan.Zero), first.EndedUtc);
        Assert.Equal(7.899841785430908, (first.EndedUtc!.Value - first.StartedUtc).TotalSeconds, 6);
        Assert.Equal("codecarbon 1.x: v1x_huggingface-peft_gcp.csv (sha256 " + first.Origin.Split("sha256 ")[1][..12] + ") line 2", first.Origin);
    }

    [Fact]
    public void A_2_5_0_row_gives_its_components_in_joules()
    {
        var run = Assert.Single(Imports.Read("v2.5.0_pideel-replication.csv").Runs);
        // pue 1.0, so IT energy = file energy: cpu 2.2194129537045955 kWh × 3.6e6 = 7989886.633336544 J,
        // gpu 1.7881281835569578 × 3.6e6 = 6437261.460805048 J, ram 0.20687786806251432 × 3.6e6 = 744760.3250250516 J.
        Assert.Equal(7989886.633336544, Imports.Energy(run, "cpu")!.Value, 3);
        Assert.Equal(6437261.460805048, Imports.Energy(run, "gpu")!.Value, 3);
        Assert.Equal(744760.3250250516, Imports.Energy(run, "ram")!.Value, 3);
        Assert.Equal("at", run.Run.SiteId);
        Assert.Contains("1 x NVIDIA GeForce RTX 3090, 1 tracked", Imports.Sensor(run, ComponentSensors.GpuKind).Device, StringComparison.Ordinal);
    }

    [Fact]
    public void A_3_2_7_file_sums_to_the_hand_totals()
    {
        var runs = Imports.Read("v3.2.7_ThothBot.csv").Runs;
        // cpu_energy of the 7 rows: 1.2635393910240731e-05 + 1.2912654225656575e-05 + 1.242600076404448e-05 + 1.3681577088406352e-05
        //   + 1.2825906901733556e-05 + 1.1533460143782426e-05 + 1.4293067783090894e-05 = 9.0308060816955e-05 kWh = 325.109018941038 J
        // gpu_energy: 3.2059747870000384e-05 + 2.236446233599976e-05 + 3.2655581679999664e-05 + 4.10000327999982e-05
        //   + 2.398418585400353e-05 + 2.2550018039996237e-05 + 2.7895855649995305e-05 = 2.0250988422999307e-04 kWh = 729.035583227975 J
        // ram_energy: 2.406488067777812e-05 + 2.459376680000041e-05 + 2.357354931666704e-05 + 2.605247656110805e-05
        //   + 2.4427135511117137e-05 + 2.1805248755552183e-05 + 2.7221790633332908e-05 = 1.7173884825555586e-04 kWh = 618.259853720001 J
        Assert.Equal(7, runs.Count);
        Assert.Equal(325.109018941038, Imports.Total(runs, ComponentSensors.CpuKind), 6);
        Assert.Equal(729.035583227975, Imports.Total(runs, ComponentSensors.GpuKind), 6);
        Assert.Equal(618.259853720001, Imports.Total(runs, ComponentSensors.RamKind), 6);
        Assert.All(runs, r => Assert.Equal("es", r.Run.SiteId));
    }

    [Fact]
    public void Canadian_rows_at_the_geolocation_fallback_get_no_site_and_a_note()
    {
        var import = Imports.Read("v3.2.3_GreenOps-Refactor.csv");
        Assert.Equal(4, import.Runs.Count(r => r.Run.SiteId is null));
        Assert.Equal(56, import.Runs.Count(r => r.Run.SiteId == "in"));
        Assert.Equal(4, import.Notes.Count(n => n.Contains("fallback when geolocation fails", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_negative_cpu_energy_is_unavailable_not_stored_and_not_zero()
    {
        var run = Assert.Single(Imports.Read("v2.1.3_nipreps-fmriprep_sorted-columns.csv").Runs);
        var cpu = Imports.Sensor(run, ComponentSensors.CpuKind);
        Assert.Equal(SensorProvenance.Unavailable, cpu.Provenance);
        Assert.Contains("negative cpu_energy", cpu.Description, StringComparison.Ordinal);
        Assert.Null(Imports.Energy(run, "cpu"));
        // ram_energy 0.07250662406867961 kWh × 3.6e6 = 261023.8466472466 J (columns read by name in this sorted header).
        Assert.Equal(261023.8466472466, Imports.Energy(run, "ram")!.Value, 3);
    }

    [Fact]
    public void Repeated_run_ids_are_imported_row_by_row_with_a_note()
    {
        var import = Imports.Read("v2.4.3rc1_codecarbon-examples.csv");
        Assert.Equal(28, import.Runs.Count);
        Assert.Contains(import.Notes, n => n.Contains("is on", StringComparison.Ordinal) && n.Contains("check before adding them up", StringComparison.Ordinal));
        // Rows with an empty cpu_energy keep an unavailable CPU sensor, not 0 J.
        Assert.Contains(import.Runs, r => Imports.Sensor(r, ComponentSensors.CpuKind).Provenance == SensorProvenance.Unavailable);
    }

    [Fact]
    public void The_task_mode_total_row_is_flagged()
    {
        var import = Imports.Read("v2.5.0_pideel-replication.csv");
        Assert.Contains(import.Notes, n => n.Contains("the duration does not cover the energy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_energy_of_rounding_size_is_zero_and_says_so()
    {
        // v3.2.1 line 6: gpu_energy -2.1175823681357523e-22 kWh (a difference of two equal readings).
        var run = Imports.Read("v3.2.1_USD-ai-care.csv").Runs.Single(r => r.Origin.EndsWith(" line 6", StringComparison.Ordinal));
        var gpu = Imports.Sensor(run, ComponentSensors.GpuKind);
        Assert.Equal(SensorProvenance.Measured, gpu.Provenance);
        Assert.Contains("floating-point rounding around zero", gpu.Description, StringComparison.Ordinal);
        Assert.Equal(0, Imports.Energy(run, "gpu"));
    }

    [Fact]
    public void Multi_gpu_hosts_name_all_gpus_and_the_tracked_count()
    {
        var runs = Imports.Read("v2.8.3+3.0.7_AIRA-LLaMA-Factory_8xH20-H800.csv").Runs;
        // Line 2: gpu_model "8 x NVIDIA H20", gpu_count 1; cpu_power 42.5 W (unknown Xeon Platinum 8480+).
        var first = runs[0];
        Assert.Equal("8 x NVIDIA H20, 1 tracked", Imports.Sensor(first, ComponentSensors.GpuKind).Device);
        Assert.Equal("Intel(R) Xeon(R) Platinum 8480+ (224 threads)", Imports.Sensor(first, ComponentSensors.CpuKind).Device);
        Assert.Equal(SensorProvenance.Modelled, Imports.Sensor(first, ComponentSensors.CpuKind).Provenance);
        Assert.Equal("RAM 1007.4 GB", Imports.Sensor(first, ComponentSensors.RamKind).Device);
        // gpu_energy 0.0004173608894291 kWh × 3.6e6 = 1502.49920194476 J.
        Assert.Equal(1502.49920194476, Imports.Energy(first, "gpu")!.Value, 6);
        Assert.Contains(runs, r => r.Origin.StartsWith("codecarbon 2.8.3:", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Origin.StartsWith("codecarbon 3.0.7:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_utc_offset_moves_local_timestamps_to_utc()
    {
        // ThothBot line 2: 2026-05-24T11:50:04 local at +02:00 is 09:50:04 UTC; the start is 4.834393645999967 s earlier.
        var run = Imports.Read(new CodeCarbonImportOptions(UtcOffset: TimeSpan.FromHours(2)), "v3.2.7_ThothBot.csv").Runs[0];
        Assert.Equal(new DateTimeOffset(2026, 5, 24, 9, 50, 4, TimeSpan.Zero), run.EndedUtc);
        Assert.Equal(new DateTimeOffset(2026, 5, 24, 9, 50, 4, TimeSpan.Zero).AddSeconds(-4.834393645999967), run.StartedUtc);
    }
}
