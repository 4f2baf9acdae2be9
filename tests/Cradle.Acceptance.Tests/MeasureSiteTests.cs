using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary><c>cradle measure --site/--idle/--thermal-threshold</c>, run as a real child process with a temporary run store.</summary>
public sealed class MeasureSiteTests
{
    [Fact]
    public async Task With_requests_the_site_figures_are_also_given_per_request()
    {
        using var dir = new TempDirectory();
        var run = await CliRunner.ChildProcessAsync(
            ["measure", "--store", dir.File("runs.db"), "--cpu", "amd-epyc-7742", "--site", "DE", "--requests", "50", "-f", "json", "--", .. MeasureSupport.BurnCpu]);

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        var site = doc.RootElement.GetProperty("site");
        // Per request = the run's figure ÷ 50 requests.
        Assert.Equal(site.GetProperty("co2e_kg").GetDouble() / 50, site.GetProperty("co2e_per_request_kg").GetDouble(), 1e-18);
        Assert.Equal(site.GetProperty("water_l").GetDouble() / 50, site.GetProperty("water_per_request_l").GetDouble(), 1e-18);
    }

    [Fact]
    public async Task A_grid_site_gives_co2e_and_water_from_the_catalog_factors_without_pue()
    {
        using var dir = new TempDirectory();
        var run = await CliRunner.ChildProcessAsync(
            ["measure", "--store", dir.File("runs.db"), "--cpu", "amd-epyc-7742", "--site", "DE", "-f", "json", "--", .. MeasureSupport.BurnCpu]);

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        var total = doc.RootElement.GetProperty("total_energy_j").GetDouble();
        Assert.True(total > 0);
        var site = doc.RootElement.GetProperty("site");
        Assert.Equal("de", site.GetProperty("id").GetString());
        Assert.False(site.GetProperty("pue_applied").GetBoolean());
        // By hand, for a run of e.g. 0.36 J: 0.36 J ÷ 3.6e6 J/kWh = 1e-7 kWh; no PUE for a plain grid, so electricity is
        // 1e-7 kWh; CO2e = 1e-7 kWh × 380.95 g/kWh (DE, owid-ember-2024) = 3.8095e-5 g = 3.8095e-8 kg; water (off-site
        // only, no WUE) = 1e-7 kWh × 1.947 L/kWh = 1.947e-7 L. The same arithmetic on this run's total:
        var kwh = total / 3.6e6;
        Assert.Equal(kwh, site.GetProperty("electricity_kwh").GetDouble(), 1e-15);
        Assert.Equal(kwh * 0.38095, site.GetProperty("co2e_kg").GetDouble(), 1e-15);
        Assert.Equal(kwh * 1.947, site.GetProperty("water_l").GetDouble(), 1e-15);
        var gwp = site.GetProperty("factors").GetProperty("gwp100");
        Assert.Equal("de", gwp.GetProperty("catalog_id").GetString());
        Assert.Equal("owid-ember-2024", gwp.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, site.GetProperty("factors").GetProperty("pue").ValueKind);
        Assert.Contains(site.GetProperty("conventions").EnumerateArray(), c => c.GetString()!.StartsWith("PUE not applied (grid only)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cloud_region_applies_its_fleets_pue_and_wue_and_the_table_names_each_factors_source()
    {
        using var dir = new TempDirectory();
        var run = await CliRunner.ChildProcessAsync(
            ["measure", "--store", dir.File("runs.db"), "--cpu", "amd-epyc-7742", "--site", "aws-eu-central-1", "-f", "json", "--", .. MeasureSupport.BurnCpu]);

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        var kwh = doc.RootElement.GetProperty("total_energy_j").GetDouble() / 3.6e6;
        var site = doc.RootElement.GetProperty("site");
        // aws-fleet: PUE 1.15, WUE 0.15 L/kWh; grid de: 0.38095 kg/kWh, 1.947 L/kWh off site.
        // electricity = kWh × 1.15; CO2e = electricity × 0.38095; water = kWh × 0.15 + electricity × 1.947.
        Assert.True(site.GetProperty("pue_applied").GetBoolean());
        Assert.Equal("aws-fleet", site.GetProperty("factors").GetProperty("pue").GetProperty("catalog_id").GetString());
        Assert.Equal(kwh * 1.15 * 0.38095, site.GetProperty("co2e_kg").GetDouble(), 1e-15);
        Assert.Equal((kwh * 0.15) + (kwh * 1.15 * 1.947), site.GetProperty("water_l").GetDouble(), 1e-15);

        var table = await CliRunner.ChildProcessAsync(
            ["measure", "--store", dir.File("runs.db"), "--cpu", "amd-epyc-7742", "--site", "aws-eu-central-1", "--", .. MeasureSupport.BurnCpu]);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("PUE: 1.15 — catalog aws-fleet, source", table.Error, StringComparison.Ordinal);
        Assert.Contains("grid gwp100: 0.38095 kg CO2e/kWh — catalog de, source owid-ember-2024", table.Error, StringComparison.Ordinal);
        Assert.Contains("site conventions:", table.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_site_is_exit_1_with_the_closest_ids_and_nothing_is_run()
    {
        using var dir = new TempDirectory();
        var marker = dir.File("ran");
        var run = await CliRunner.ChildProcessAsync("measure", "--store", dir.File("runs.db"), "--site", "DEX", "--", "touch", marker);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Did you mean de", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [Theory]
    [InlineData("10")]
    [InlineData("-1s")]
    [InlineData("1 s")]
    [InlineData("0s")]
    [InlineData("ten seconds")]
    public async Task A_bad_idle_duration_is_a_usage_error_and_nothing_is_run(string text)
    {
        using var dir = new TempDirectory();
        var marker = dir.File("ran");
        var run = await CliRunner.ChildProcessAsync("measure", "--store", dir.File("runs.db"), "--idle", text, "--", "touch", marker);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--idle expects", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task Idle_reports_a_baseline_only_for_machine_wide_sensors_and_says_why_there_is_none()
    {
        using var dir = new TempDirectory();
        var run = await CliRunner.ChildProcessAsync(
            ["measure", "--store", dir.File("runs.db"), "--cpu", "amd-epyc-7742", "--idle", "300ms", "-f", "json", "--", .. MeasureSupport.BurnCpu]);

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        var idle = doc.RootElement.GetProperty("idle");
        Assert.True(idle.GetProperty("duration_s").GetDouble() >= 0.3);
        var stored = idle.GetProperty("stored").GetBoolean();
        var sensors = doc.RootElement.GetProperty("sensors").EnumerateArray().ToList();
        var withBaseline = idle.GetProperty("sensors").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToHashSet();
        // A baseline is stored with the run exactly when some sensor gave one.
        Assert.Equal(withBaseline.Count > 0, stored);
        if (withBaseline.Count == 0)
        {
            // This VM: no RAPL, no NVML.
            Assert.StartsWith("no idle baseline: no sensor measures the machine as a whole (RAPL/NVML unavailable",
                idle.GetProperty("unavailable_reason").GetString(), StringComparison.Ordinal);
        }

        foreach (var sensor in sensors)
        {
            // Net of idle only where that sensor has a baseline; the modelled CPU never has one.
            var id = sensor.GetProperty("id").GetString();
            Assert.Equal(withBaseline.Contains(id), sensor.GetProperty("net_energy_j").ValueKind == JsonValueKind.Number);
        }

        if (sensors.Any(s => s.GetProperty("kind").GetString() == "modelled-cpu"))
        {
            Assert.Contains("no idle share", idle.GetProperty("modelled_note").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Temperatures_are_reported_or_the_summary_says_no_sensor_was_found()
    {
        using var dir = new TempDirectory();
        var run = await CliRunner.ChildProcessAsync(
            ["measure", "--store", dir.File("runs.db"), "--thermal-threshold", "70", "-f", "json", "--", "true"]);

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        var temperatures = doc.RootElement.GetProperty("temperatures");
        Assert.Equal(70, temperatures.GetProperty("threshold_c").GetDouble());
        var found = temperatures.GetProperty("sensors").EnumerateArray().ToList();
        if (found.Count == 0)
        {
            Assert.StartsWith("no temperature sensor found", temperatures.GetProperty("unavailable_reason").GetString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.All(found, t => Assert.True(t.GetProperty("peak_c").GetDouble() >= t.GetProperty("mean_c").GetDouble()));
        }

        var table = await CliRunner.ChildProcessAsync("measure", "--store", dir.File("runs.db"), "--", "true");
        Assert.Contains("temperatures:", table.Error, StringComparison.Ordinal);
    }
}
