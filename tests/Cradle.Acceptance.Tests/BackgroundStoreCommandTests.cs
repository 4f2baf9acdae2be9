using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// A background database kept in the run store (<c>cradle import openlca-jsonld … --store</c>) and named by a study with
/// <c>store:</c>: the USDA beef product system (tests/data/openlca-jsonld) as a stage's footprint gives the same totals
/// and provenance as the same database kept in a file next to the study.
/// </summary>
public sealed class BackgroundStoreCommandTests
{
    private const string Name = "USDA LCA Commons beef cattle finishing";
    private const string Version = "2018-07-31";

    private static readonly string Beef = Path.Combine(Repository.Root, "tests", "data", "openlca-jsonld", "bw2io_beef-cattle-finishing");

    private static string StudyWith(string database) => $$"""
        cradle: 1
        name: Beef footprint
        goal:
          application: check background databases kept in the run store
          audience: Cradle's tests
        functional_unit:
          amount: 1 model
          description: one model
        system_boundary:
          included: [experimentation]
          excluded:
            inference: not served
        impact_categories: [gwp100]
        background:
          beef:
        {{database}}
        stages:
          experimentation:
            footprint:
              from_background: beef
              product_system: "beef cattle finishing; CCF operation; at auction; LW"
              amount: 100 kg
        """;

    private static JsonElement Alternative(CliRunner.Run run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.GetProperty("alternatives")[0].Clone();
    }

    [Fact]
    public async Task A_study_naming_the_store_gives_the_same_footprint_as_the_file_kept_beside_it()
    {
        using var temp = new TempDirectory();
        var store = temp.File("runs.db");
        var import = await CliRunner.InProcessAsync("import", "openlca-jsonld", Beef, "--name", Name, "--version", Version,
            "-o", temp.File("beef.zip"), "--store", store);
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains($"Kept as {temp.File("beef.zip")}", import.Output, StringComparison.Ordinal);
        // The store keeps the very bytes -o wrote.
        Assert.Contains($"Kept in the store {store}: background database '{Name}' version {Version}, sha256 ", import.Output, StringComparison.Ordinal);
        Assert.Contains($", {new FileInfo(temp.File("beef.zip")).Length} bytes; studies name it with 'store: {Name}'.", import.Output, StringComparison.Ordinal);

        var fromFile = Alternative(await CliRunner.InProcessAsync("assess", temp.Write("file.yaml", StudyWith("    file: beef.zip")), "--format", "json"));
        var fromStore = Alternative(await CliRunner.InProcessAsync("assess", temp.Write("store.yaml", StudyWith($"    store: {Name}")),
            "--store", store, "--format", "json"));

        // Hand-computed in tests/Cradle.Interchange.Tests/Reading/BackgroundInventoryTests.cs: 32,747,804.18975 kg CO2 eq
        // for the system's 2,914,841.44 kg live weight; 100 kg of it is 1,123.4797… kg CO2 eq.
        Assert.Equal(32_747_804.18975 / 2_914_841.44 * 100, fromStore.GetProperty("totals").GetProperty("gwp100").GetDouble(), 9);
        Assert.Equal(fromFile.GetProperty("totals").GetRawText(), fromStore.GetProperty("totals").GetRawText());
        static string Source(JsonElement alternative) => alternative.GetProperty("inputs").EnumerateArray()
            .Single(i => i.GetProperty("name").GetString()!.StartsWith("stages.experimentation.footprint", StringComparison.Ordinal)).GetProperty("source").GetString()!;
        Assert.StartsWith($"background database '{Name}' version {Version} (package SHA-256 ", Source(fromStore), StringComparison.Ordinal);
        Assert.Equal(Source(fromFile), Source(fromStore));
    }

    [Fact]
    public async Task Keeping_the_same_package_again_writes_nothing_and_json_says_where_it_is_kept()
    {
        using var temp = new TempDirectory();
        var store = temp.File("runs.db");
        var first = await CliRunner.InProcessAsync("import", "openlca-jsonld", Beef, "--name", Name, "--version", Version, "--store", store);
        Assert.True(first.ExitCode == 0, first.Error);

        var again = await CliRunner.InProcessAsync("import", "openlca-jsonld", Beef, "--name", Name, "--version", Version, "--store", store, "--format", "json");

        Assert.True(again.ExitCode == 0, again.Error);
        using var json = JsonDocument.Parse(again.Output);
        Assert.True(json.RootElement.GetProperty("stored").GetBoolean());
        Assert.False(json.RootElement.TryGetProperty("kept", out _));
        var kept = json.RootElement.GetProperty("kept_in_store");
        Assert.Equal(store, kept.GetProperty("store").GetString());
        Assert.Equal(Name, kept.GetProperty("name").GetString());
        Assert.Equal(Version, kept.GetProperty("version").GetString());
        Assert.Equal(64, kept.GetProperty("package_sha256").GetString()!.Length);
        Assert.False(kept.GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task Another_package_under_a_kept_name_and_version_is_refused()
    {
        using var temp = new TempDirectory();
        var store = temp.File("runs.db");
        var first = await CliRunner.InProcessAsync("import", "openlca-jsonld", Beef, "--name", Name, "--version", Version, "--store", store);
        Assert.True(first.ExitCode == 0, first.Error);

        var other = await CliRunner.InProcessAsync("import", "openlca-jsonld",
            Path.Combine(Repository.Root, "tests", "data", "openlca-jsonld", "bw2io_US-FPL"), "--name", Name, "--version", Version, "--store", store);

        Assert.Equal(1, other.ExitCode);
        Assert.Contains($"Background database '{Name}' version {Version} is already kept with package sha256 ", other.Error, StringComparison.Ordinal);
        Assert.Contains("give this one another version", other.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_the_store_does_not_keep_is_an_error_at_the_study_line()
    {
        using var temp = new TempDirectory();
        var store = temp.File("runs.db");
        var first = await CliRunner.InProcessAsync("import", "openlca-jsonld", Beef, "--name", Name, "--version", Version, "--store", store);
        Assert.True(first.ExitCode == 0, first.Error);

        var run = await CliRunner.InProcessAsync("assess", temp.Write("study.yaml", StudyWith($"    store: {Name}\n    version: 2024-01-01")), "--store", store);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("background.beef.store", run.Error, StringComparison.Ordinal);
        Assert.Contains($"no background database '{Name}' version 2024-01-01 in the store (kept: version {Version})", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_and_store_together_are_refused_at_the_line()
    {
        using var temp = new TempDirectory();

        var run = await CliRunner.InProcessAsync("assess", temp.Write("study.yaml", StudyWith($"    file: beef.zip\n    store: {Name}")));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("background-file-and-store", run.Error + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kept_databases_are_listed_and_removed()
    {
        using var temp = new TempDirectory();
        var store = temp.File("runs.db");
        var import = await CliRunner.InProcessAsync("import", "openlca-jsonld", Beef, "--name", Name, "--version", Version,
            "-o", temp.File("beef.zip"), "--store", store);
        Assert.True(import.ExitCode == 0, import.Error);

        var list = await CliRunner.InProcessAsync("backgrounds", "list", "--store", store, "--format", "json");
        Assert.True(list.ExitCode == 0, list.Error);
        using (var json = JsonDocument.Parse(list.Output))
        {
            var kept = Assert.Single(json.RootElement.GetProperty("backgrounds").EnumerateArray());
            Assert.Equal(Name, kept.GetProperty("name").GetString());
            Assert.Equal(Version, kept.GetProperty("version").GetString());
            // The store keeps the very bytes -o wrote.
            Assert.Equal(new FileInfo(temp.File("beef.zip")).Length, kept.GetProperty("bytes").GetInt64());
            Assert.Equal("bw2io_beef-cattle-finishing", kept.GetProperty("source").GetString());
        }

        var removed = await CliRunner.InProcessAsync("backgrounds", "rm", Name, Version, "--store", store);
        var again = await CliRunner.InProcessAsync("backgrounds", "rm", Name, Version, "--store", store);
        var empty = await CliRunner.InProcessAsync("backgrounds", "list", "--store", store);

        Assert.True(removed.ExitCode == 0, removed.Error);
        Assert.Equal($"Removed background database '{Name}' version {Version}.", removed.Output.Trim());
        Assert.Equal(1, again.ExitCode);
        Assert.Contains($"No background database '{Name}' version {Version} is kept in the store.", again.Error, StringComparison.Ordinal);
        Assert.Contains("No background databases are kept in this store", empty.Output, StringComparison.Ordinal);
    }
}
