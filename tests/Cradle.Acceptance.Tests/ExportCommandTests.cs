using System.IO.Compression;
using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary><c>cradle export STUDY --format openlca-jsonld -o FILE</c> on the bundled OLMo 2 7B example (docs/interchange.md).</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("cradle-export-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Exports_the_example_as_an_openlca_package_byte_identical_across_runs()
    {
        var first = Path.Combine(directory, "first.zip");
        var second = Path.Combine(directory, "second.zip");
        var run = await CliRunner.InProcessAsync("export", Repository.Example, "--format", "openlca-jsonld", "-o", first);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("3 product system(s) written to", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.InProcessAsync("export", Repository.Example, "--format", "openlca-jsonld", "-o", second)).ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));

        using var zip = ZipFile.OpenRead(first);
        Assert.Equal("olca-schema.json", zip.Entries[0].FullName);
        var folders = zip.Entries.Skip(1).Select(e => e.FullName.Split('/')[0]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["flow_properties", "flows", "lcia_categories", "lcia_methods", "parameters", "processes", "product_systems", "unit_groups"], folders);
        // The offline-batching product system: 1,000 served requests (the study's functional unit) of its reference process.
        var systems = zip.Entries.Where(e => e.FullName.StartsWith("product_systems/", StringComparison.Ordinal))
            .Select(e => { using var s = e.Open(); return JsonDocument.Parse(s).RootElement.Clone(); }).ToList();
        var offline = systems.Single(s => s.GetProperty("name").GetString()!.EndsWith("(offline-batching)", StringComparison.Ordinal));
        Assert.Equal(1000, offline.GetProperty("targetAmount").GetDouble());
        Assert.Equal("request", offline.GetProperty("targetUnit").GetProperty("name").GetString());
        Assert.Equal("served request (offline-batching)", offline.GetProperty("refProcess").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Refuses_an_output_that_is_the_study()
    {
        var copy = Path.Combine(directory, "study.yaml");
        File.Copy(Repository.Example, copy);
        var before = await File.ReadAllBytesAsync(copy);
        var run = await CliRunner.InProcessAsync("export", copy, "--format", "openlca-jsonld", "-o", copy);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is the input file", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(copy));
    }

    [Fact]
    public async Task Refuses_an_unknown_format_and_a_missing_output()
    {
        Assert.Equal(1, (await CliRunner.InProcessAsync("export", Repository.Example, "--format", "brightway", "-o", Path.Combine(directory, "x.zip"))).ExitCode);
        Assert.Equal(1, (await CliRunner.InProcessAsync("export", Repository.Example, "--format", "openlca-jsonld")).ExitCode);
        Assert.False(File.Exists(Path.Combine(directory, "x.zip")));
    }

    [Fact]
    public async Task Help_lists_the_exit_codes()
    {
        var run = await CliRunner.InProcessAsync("export", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Cradle.Cli.ExitCodes.Help, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_study_with_errors_writes_nothing()
    {
        var study = Path.Combine(directory, "broken.yaml");
        await File.WriteAllTextAsync(study, "cradle: 1\nname: broken\n");
        var output = Path.Combine(directory, "broken.zip");
        var run = await CliRunner.InProcessAsync("export", study, "--format", "openlca-jsonld", "-o", output);
        Assert.Equal(1, run.ExitCode);
        Assert.False(File.Exists(output));
    }
}
