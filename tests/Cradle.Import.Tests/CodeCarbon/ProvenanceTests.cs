using System.Text;
using Cradle.Catalog;
using Cradle.Import.CodeCarbon;
using Cradle.Store;

namespace Cradle.Import.Tests.CodeCarbon;

/// <summary>Measured or modelled, as CodeCarbon's own columns show; PUE divided out once.</summary>
public sealed class ProvenanceTests
{
    private const string Header3 =
        "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy," +
        "ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version," +
        "cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud,pue";

    private static string Row(string cpuPower, string mode, string pue, string version = "3.0.5", string cpuModel = "Intel Xeon", string energies = "0.5,0.25,0.25,1.0") =>
        $"2025-01-01T12:00:00,p,r-{Guid.NewGuid()},e,3600,0.1,0.0001,{cpuPower},100.0,10.0,{energies},France,FRA,,,,Linux,3.11,{version},8,{cpuModel},1,1 x NVIDIA A100,,,32.0,{mode},N,{pue}";

    private static CodeCarbonImport Read(params string[] lines) =>
        CodeCarbonImporter.Read([new CodeCarbonInput("emissions.csv", Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"), "/tmp")],
            new CodeCarbonImportOptions(), CatalogLoader.Shipped);

    [Fact]
    public void A_varying_cpu_power_is_measured_and_ram_is_always_modelled()
    {
        var import = Read(Header3, Row("61.3", "machine", "1.0"), Row("58.9", "machine", "1.0"));
        Assert.All(import.Runs, r =>
        {
            Assert.Equal(SensorProvenance.Measured, Imports.Sensor(r, ComponentSensors.CpuKind).Provenance);
            Assert.Equal(SensorProvenance.Measured, Imports.Sensor(r, ComponentSensors.GpuKind).Provenance);
            var ram = Imports.Sensor(r, ComponentSensors.RamKind);
            Assert.Equal(SensorProvenance.Modelled, ram.Provenance);
            Assert.StartsWith("modelled by CodeCarbon 3.0.5: RAM power is not measured: 3.x", ram.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_unknown_cpu_constant_the_same_power_on_every_row_and_process_mode_are_modelled()
    {
        var unknownCpu = Assert.Single(Read(Header3, Row("42.5", "machine", "1.0")).Runs);
        Assert.Contains("85 W × 50 %", Imports.Sensor(unknownCpu, ComponentSensors.CpuKind).Description, StringComparison.Ordinal);
        Assert.Equal(SensorProvenance.Modelled, Imports.Sensor(unknownCpu, ComponentSensors.CpuKind).Provenance);

        var constant = Read(Header3, Row("840.0", "machine", "1.0"), Row("840.0", "machine", "1.0"));
        Assert.All(constant.Runs, r => Assert.Contains("same 840 W in all 2 rows", Imports.Sensor(r, ComponentSensors.CpuKind).Description, StringComparison.Ordinal));

        var process = Assert.Single(Read(Header3, Row("33.1", "process", "1.0")).Runs);
        var cpu = Imports.Sensor(process, ComponentSensors.CpuKind);
        Assert.Equal(SensorProvenance.Modelled, cpu.Provenance);
        Assert.StartsWith("modelled by CodeCarbon 3.0.5: tracking_mode process", cpu.Description, StringComparison.Ordinal);

        // Before 3.0, process mode changed RAM only: a varying 2.x CPU figure in process mode stays measured.
        var process2 = Assert.Single(Read(Header3, Row("33.1", "process", "1.0", version: "2.5.0")).Runs);
        Assert.Equal(SensorProvenance.Measured, Imports.Sensor(process2, ComponentSensors.CpuKind).Provenance);
        Assert.Contains("tracking_mode process", Imports.Sensor(process2, ComponentSensors.RamKind).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_files_label_their_fallbacks()
    {
        // 2.2.3 HRNet: cpu_power 42.5 W in every row (unknown Xeon Silver 4214).
        Assert.All(Imports.Read("v2.2.3_HRNet-EigenCAM.csv").Runs,
            r => Assert.Equal(SensorProvenance.Modelled, Imports.Sensor(r, ComponentSensors.CpuKind).Provenance));
        // 3.0.7 Windows: 840 W on every row of the i7-5820K.
        Assert.All(Imports.Read("v3.0.7_green-ai-lifecycle-tracker_windows.csv").Runs,
            r => Assert.Equal(SensorProvenance.Modelled, Imports.Sensor(r, ComponentSensors.CpuKind).Provenance));
        // 3.2.1: 12 rows in process mode, 1 in machine mode (the machine row has 42.5 W: modelled too).
        var usd = Imports.Read("v3.2.1_USD-ai-care.csv").Runs;
        Assert.Equal(12, usd.Count(r => Imports.Sensor(r, ComponentSensors.CpuKind).Description.Contains("tracking_mode process", StringComparison.Ordinal)));
        // 2.4.3rc1 on an Apple M1 (powermetrics): varying cpu_power, measured also in its process-mode rows (lines 23–29,
        // 2.x process mode changes RAM only).
        var examples = Imports.Read("v2.4.3rc1_codecarbon-examples.csv").Runs;
        var processRows = examples.Where(r => int.Parse(r.Origin.Split(" line ")[1], System.Globalization.CultureInfo.InvariantCulture) >= 23).ToList();
        Assert.Equal(7, processRows.Count);
        Assert.All(processRows, r => Assert.Equal(SensorProvenance.Measured, Imports.Sensor(r, ComponentSensors.CpuKind).Provenance));
        // 3.2.7: cpu_power varies (10.5005…, 10.5416…): measured.
        Assert.All(Imports.Read("v3.2.7_ThothBot.csv").Runs,
            r => Assert.Equal(SensorProvenance.Measured, Imports.Sensor(r, ComponentSensors.CpuKind).Provenance));
        // CPU-only Apple M1 (gpu columns empty): no GPU sensor.
        Assert.All(Imports.Read("v2.3.1_1gni5-green-hackathon.csv").Runs, r => Assert.DoesNotContain(r.Sensors, s => s.Kind == ComponentSensors.GpuKind));
    }

    [Fact]
    public void The_pue_codecarbon_applied_is_divided_out_once()
    {
        // pue 1.5 on a 3.x row: cpu_energy 0.5 kWh is PUE-inclusive, so IT energy = 0.5 / 1.5 kWh = 1/3 kWh = 1.2e6 J;
        // ram 0.25 / 1.5 kWh = 6e5 J. Cradle applies a site's PUE later, to IT energy: never twice.
        var run = Assert.Single(Read(Header3, Row("61.3", "machine", "1.5")).Runs);
        Assert.Equal(1.2e6, Imports.Energy(run, "cpu")!.Value, 6);
        Assert.Equal(6e5, Imports.Energy(run, "ram")!.Value, 6);
        Assert.Contains("multiplied this energy by its pue 1.5", Imports.Sensor(run, ComponentSensors.CpuKind).Description, StringComparison.Ordinal);

        // The same figures from 2.1.3 without a pue column: no PUE then, 0.5 kWh = 1.8e6 J as written.
        var header21 = Header3.Replace(",codecarbon_version", "", StringComparison.Ordinal).Replace(",pue", "", StringComparison.Ordinal);
        var row21 = "2022-01-01T12:00:00,p,r1,e,3600,0.1,0.0001,61.3,100.0,10.0,0.5,0.25,0.25,1.0,France,FRA,,,,Linux,3.9,8,Intel Xeon,1,1 x NVIDIA A100,,,32.0,machine,N";
        var old = Assert.Single(Read(header21, row21).Runs);
        Assert.Equal(1.8e6, Imports.Energy(old, "cpu")!.Value, 6);
        Assert.Contains("predates PUE", Imports.Sensor(old, ComponentSensors.CpuKind).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_file_without_pue_says_it_assumes_the_default()
    {
        var run = Imports.Read("v2.5.0_pideel-replication_TASKS.csv").Runs[0];
        Assert.Contains("no pue column", Imports.Sensor(run, ComponentSensors.CpuKind).Description, StringComparison.Ordinal);
        Assert.Contains("task_name=Dataset Loading", run.Run.CommandLine, StringComparison.Ordinal);
    }
}
