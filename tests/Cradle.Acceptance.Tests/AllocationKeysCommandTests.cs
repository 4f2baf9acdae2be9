using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// <c>cradle sensitivity --allocation-keys</c>: the totals under each allocation key with the change from the study's
/// own, as a table and as <c>cradle.allocation-keys/1</c> JSON.
/// </summary>
public sealed class AllocationKeysCommandTests
{
    // 463 kg CO2e device, 4 × 8,760 = 35,040 h, utilisation 0.5, 700 W rated, 100 W idle, 1,000 device-hours, no energy:
    // calendar 463 × 1,000 ÷ 35,040 = 13.21 kg; busy ÷ 17,520 h = 26.43 kg (+100 %);
    // energy 463 × 1,000 × 700 ÷ (35,040 × 400) = 23.12 kg (+75 %).
    private const string Study = """
        cradle: 1
        name: allocation keys
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1 model
          description: one trained model
        system_boundary:
          included: [pre-training, hardware-manufacture]
        impact_categories: [gwp100]
        devices:
          gpu:
            power: 700 W
            embodied:
              gwp100: 463 kg CO2e
        hardware:
          fleet:
            device: gpu
            lifespan: 4 year
            utilisation: 0.5
            idle_power: 100 W
            allocation: calendar
        grids:
          g:
            basis: life-cycle
            per_kwh:
              gwp100: 0.5 kg CO2e/kWh
        sites:
          s:
            grid: g
            pue: 1
            wue: 0 L/kWh
        stages:
          pre-training:
            hardware: fleet
            site: s
            energy: 0 kWh
            device_time: 1000 h
        """;

    [Fact]
    public async Task The_table_gives_each_key_s_total_and_change()
    {
        using var temp = new TempDirectory();
        var run = await CliRunner.InProcessAsync("sensitivity", temp.Write("study.yaml", Study), "--allocation-keys");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("  The study's own keys: pre-training: calendar", lines);
        Assert.Contains("    stated              13.21          13.21", lines);
        Assert.Contains("    calendar            13.21          13.21     0.0 %", lines);
        Assert.Contains("    busy                26.43          26.43  +100.0 %", lines);
        Assert.Contains("    energy              23.12          23.12   +75.0 %", lines);
    }

    [Fact]
    public async Task The_json_gives_totals_and_relative_changes_per_case()
    {
        using var temp = new TempDirectory();
        var run = await CliRunner.InProcessAsync("sensitivity", temp.Write("study.yaml", Study), "--allocation-keys", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("cradle.allocation-keys/1", json.RootElement.GetProperty("schema").GetString());
        var cases = json.RootElement.GetProperty("alternatives")[0].GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);
        Assert.Equal(["stated", "calendar", "busy", "energy"], cases.Keys);
        Assert.Equal(463.0 * 1000 / 35_040, cases["stated"].GetProperty("totals").GetProperty("gwp100").GetDouble(), 9);
        Assert.Equal(1.0, cases["busy"].GetProperty("relative_change").GetProperty("gwp100").GetDouble(), 12);
        Assert.Equal(0.75, cases["energy"].GetProperty("relative_change").GetProperty("gwp100").GetDouble(), 12);
        Assert.Equal("pre-training: energy", cases["energy"].GetProperty("keys_used").GetString());
        Assert.Equal(JsonValueKind.Null, cases["energy"].GetProperty("not_applicable").ValueKind);
    }

    [Fact]
    public async Task A_key_without_its_inputs_is_not_applicable_with_the_reason()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("study.yaml", Study.Replace("    idle_power: 100 W\n", "", StringComparison.Ordinal));
        var run = await CliRunner.InProcessAsync("sensitivity", study, "--allocation-keys");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("    energy     not applicable (below)", run.Output, StringComparison.Ordinal);
        Assert.Contains("; not applicable: hardware.fleet.idle_power: the energy allocation key weighs idle hours", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_to_allocate_outside_the_boundary_is_said()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("study.yaml", Study.Replace("included: [pre-training, hardware-manufacture]",
            "included: [pre-training]\n  excluded:\n    hardware-manufacture: not assessed", StringComparison.Ordinal));
        var run = await CliRunner.InProcessAsync("sensitivity", study, "--allocation-keys");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Allocation keys: nothing to allocate", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_assessment_json_names_the_key_of_each_hardware_use()
    {
        using var temp = new TempDirectory();
        var run = await CliRunner.InProcessAsync("assess", temp.Write("study.yaml", Study), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var alternative = json.RootElement.GetProperty("alternatives")[0];
        Assert.Equal("calendar", alternative.GetProperty("hardware")[0].GetProperty("allocation").GetString());
        Assert.EndsWith("embodied impacts by calendar share, 1 ÷ lifespan per device-hour (idle time charged to no one)",
            alternative.GetProperty("conventions")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
