using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// <c>cradle import openlca-jsonld</c> over the real openLCA JSON-LD sets of tests/data/openlca-jsonld (README there):
/// counts per type, the product system with its reference, the findings, and a malformed package refused with exit 1.
/// </summary>
public sealed class ImportOpenLcaCommandTests
{
    private static string Data(string set) => Path.Combine(Repository.Root, "tests", "data", "openlca-jsonld", set);

    [Fact]
    public async Task The_beef_set_prints_its_counts_product_system_and_findings()
    {
        var run = await CliRunner.InProcessAsync("import", "openlca-jsonld", Data("bw2io_beef-cattle-finishing"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("openLCA 1.x (olca-schema v1.1), read whole. Nothing was stored", run.Output, StringComparison.Ordinal);
        // Counts as the data's README gives them.
        Assert.Contains("  processes              8", run.Output, StringComparison.Ordinal);
        Assert.Contains("  flows                 48", run.Output, StringComparison.Ordinal);
        Assert.Contains("  flow_properties        6", run.Output, StringComparison.Ordinal);
        Assert.Contains("  unit_groups            6", run.Output, StringComparison.Ordinal);
        Assert.Contains("  locations              5", run.Output, StringComparison.Ordinal);
        Assert.Contains("  product_systems        1", run.Output, StringComparison.Ordinal);
        Assert.Contains("beef cattle finishing; CCF operation; at auction; LW (a5830b36-5249-4712-b62f-b79a00d3c2d1): reference " +
            "'beef cattle finishing; CCF operation; at auction; LW', target 2914841.44 kg (declared by the package); 8 processes, 8 links",
            run.Output, StringComparison.Ordinal);
        // Hand-computed in tests/Cradle.Interchange.Tests/Reading/BackgroundInventoryTests.cs: 32,747,804.18975 kg CO2 eq.
        Assert.Contains("    inventory: 18 elementary flows; GWP100 32747804.19 kg CO2 eq (modelled:", run.Output, StringComparison.Ordinal);
        Assert.Contains("for 6 flows mapped by name; 12 flows have no climate factor)", run.Output, StringComparison.Ordinal);
        Assert.Contains("cut-off 57, no-quantitative-reference 1", run.Output, StringComparison.Ordinal);
        Assert.Contains("  no-quantitative-reference: processes/bb4f02fd-2277-400d-92ef-0b712aef4baf.json, exchanges: process 'alfalfa hay production",
            run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task US_FPL_as_json_lists_allocation_and_cut_offs()
    {
        var run = await CliRunner.InProcessAsync("import", "openlca-jsonld", Data("bw2io_US-FPL"), "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("cradle.import-openlca-jsonld/1", root.GetProperty("schema").GetString());
        Assert.False(root.GetProperty("stored").GetBoolean());
        Assert.Equal(4, root.GetProperty("counts").GetProperty("processes").GetInt32());
        Assert.Equal(0, root.GetProperty("product_systems").GetArrayLength());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, findings.Count(f => f.GetProperty("code").GetString() == "multi-output"));
        Assert.Equal(21, findings.Count(f => f.GetProperty("code").GetString() == "cut-off"));
    }

    [Fact]
    public async Task A_system_with_no_climate_flow_says_GWP100_is_unavailable_not_0()
    {
        // GreenDelta's openLCA 1.7.3 test zip: two processes, one link, no elementary flow.
        var run = await CliRunner.InProcessAsync("import", "openlca-jsonld", Path.Combine(Data("olca-modules_test-zips"), "exchange_sync-all.zip"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Test system (b15e53c0-f837-4a59-8eed-a826ca3b6c63): reference 'Test process', target 1 test (declared by the package); 2 processes, 1 links",
            run.Output, StringComparison.Ordinal);
        Assert.Contains("inventory: 0 elementary flows; GWP100 unavailable: none of them maps", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("0.00 kg CO2 eq", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_package_exits_1_naming_file_and_field()
    {
        using var dir = new TempDirectory();
        var source = Data("olca-modules_test-zips");
        // The openLCA 1.7 zip's content as a folder, with one flow's @id removed.
        System.IO.Compression.ZipFile.ExtractToDirectory(Path.Combine(source, "exchange_sync-all.zip"), dir.Path);
        var flow = Directory.GetFiles(Path.Combine(dir.Path, "flows")).OrderBy(f => f, StringComparer.Ordinal).First();
        using (var document = JsonDocument.Parse(File.ReadAllText(flow)))
        {
            var withoutId = document.RootElement.EnumerateObject().Where(p => p.Name != "@id").Select(p => $"\"{p.Name}\":{p.Value.GetRawText()}");
            File.WriteAllText(flow, "{" + string.Join(",", withoutId) + "}");
        }
        var run = await CliRunner.InProcessAsync("import", "openlca-jsonld", dir.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains($"is refused, nothing was kept: flows/{Path.GetFileName(flow)}, field '@id': missing; expected a string.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_o_the_package_is_kept_as_a_background_file()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "beef.cradle.zip");
        var run = await CliRunner.InProcessAsync("import", "openlca-jsonld", Data("bw2io_beef-cattle-finishing"),
            "-o", file, "--name", "USLCI beef", "--version", "2024.1");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(file));
        Assert.Contains("  processes              8", run.Output, StringComparison.Ordinal);
        var kept = Interchange.Background.BackgroundDatabaseFile.Open(file);
        Assert.Equal("USLCI beef", kept.Manifest!.Name);
        Assert.StartsWith("cradle ", kept.Manifest.ImportedWith, StringComparison.Ordinal);
        Assert.Contains($"Kept as {file}: background database 'USLCI beef' version 2024.1, sha256 {kept.PackageSha256}", run.Output, StringComparison.Ordinal);

        var json = await CliRunner.InProcessAsync("import", "openlca-jsonld", Data("bw2io_beef-cattle-finishing"), "--format", "json",
            "-o", Path.Combine(dir.Path, "again.zip"), "--name", "USLCI beef", "--version", "2024.1");
        Assert.True(json.ExitCode == 0, json.Error);
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.True(root.GetProperty("stored").GetBoolean());
        Assert.Equal("2024.1", root.GetProperty("kept").GetProperty("version").GetString());
        // The same package gives the same digest, whatever the time of import.
        Assert.Equal(kept.PackageSha256, root.GetProperty("kept").GetProperty("package_sha256").GetString());
    }

    [Fact]
    public async Task With_o_but_no_name_exits_1_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "beef.cradle.zip");
        var run = await CliRunner.InProcessAsync("import", "openlca-jsonld", Data("bw2io_beef-cattle-finishing"), "-o", file, "--version", "2024.1");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("give --name NAME and --version VERSION. Nothing was kept.", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }
}
