namespace Cradle.Acceptance.Tests;

/// <summary>`cradle catalog list|show|search|cite` as a user runs them, on the shipped catalog.</summary>
public sealed class CatalogCommandTests
{
    [Fact]
    public async Task List_of_a_kind_counts_and_lists_its_entries()
    {
        var run = await CliRunner.InProcessAsync("catalog", "list", "grid");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"grid \(\d{3}\)", run.Output);
        Assert.Matches(@"\n  de +grid +Germany", run.Output);
        Assert.DoesNotContain("cloud-region (", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_gives_every_estimate_with_its_source_and_the_uncertainty()
    {
        var run = await CliRunner.InProcessAsync("catalog", "show", "Germany");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[de, grid]", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"gwp100 = [\d.]+ g CO2e/kWh +\(90 % interval", run.Output);
        Assert.Contains("life-cycle", run.Output, StringComparison.Ordinal);
        Assert.Contains("Sources", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_resolves_a_cloud_region_and_its_references()
    {
        var run = await CliRunner.InProcessAsync("catalog", "show", "US East (N. Virginia)");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[aws-us-east-1, cloud-region]", run.Output, StringComparison.Ordinal);
        Assert.Contains("datacentre: aws-fleet", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_a_method_with_its_factors()
    {
        var run = await CliRunner.InProcessAsync("catalog", "show", "ipcc-ar6-gwp100");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"ch4-fossil-air +29\.80", run.Output);
    }

    [Fact]
    public async Task Search_finds_entries_by_part_of_a_name()
    {
        var run = await CliRunner.InProcessAsync("catalog", "search", "frankfurt");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("aws-eu-central-1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_a_ratio_without_a_unit_of_one()
    {
        // PUE is a plain ratio: "pue = 1.150 1" read as two numbers.
        var run = await CliRunner.InProcessAsync("catalog", "show", "aws-fleet");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"\n  pue = \d\.\d+   \(90 % interval \d\.\d+–\d\.\d+; ", run.Output);
        Assert.Matches(@"\n    \* \d\.\d+  amazon-sustainability", run.Output);
        Assert.Contains("wue = 0.1500 L/kWh", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_that_finds_nothing_does_not_suggest_the_same_search()
    {
        // It used to end with "Try 'cradle catalog search zzqqxx'." — the command just run.
        var run = await CliRunner.InProcessAsync("catalog", "search", "zzqqxx");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'zzqqxx' is not in the catalog", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("catalog search", run.Error, StringComparison.Ordinal);
        Assert.Contains("'cradle catalog list'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cite_writes_bibtex_for_an_entrys_sources()
    {
        var run = await CliRunner.InProcessAsync("catalog", "cite", "de", "--format", "bibtex");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"@misc\{[a-z0-9-]+,\n  author = \{", run.Output);
        Assert.Contains("year = {", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_exits_with_one_and_suggests()
    {
        var run = await CliRunner.InProcessAsync("catalog", "show", "germny");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not in the catalog", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_user_catalog_file_is_reported_with_file_line_and_column()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cradle-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "catalog: 1\nkind: datacentre\nentries:\n  - id: lab\n    name: Lab\n    figures:\n      pue: {value: 1.4, source: nowhere, year: 2026, uncertainty: {distribution: normal, relative_sd: 0.1}}\n");
        try
        {
            var run = await CliRunner.InProcessAsync("catalog", "list", "--catalog", file);
            Assert.Equal(1, run.ExitCode);
            Assert.Matches(@"cradle-[0-9a-f]+\.yaml:7:\d+: error \[unknown-source\] lab\.figures\.pue\.source", run.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_user_file_overrides_a_shipped_entry_and_show_says_so()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cradle-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, """
            catalog: 1
            kind: bibliography
            entries:
              - {key: our-audit, authors: Us, title: Our PUE audit, year: 2026, licence: CC BY 4.0}
            """);
        var second = Path.Combine(Path.GetTempPath(), $"cradle-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(second, "catalog: 1\nkind: datacentre\nentries:\n  - id: aws-fleet\n    name: AWS fleet (our audit)\n    figures:\n      pue: {value: 1.3, source: our-audit, year: 2026, uncertainty: {distribution: normal, relative_sd: 0.05}}\n");
        try
        {
            var run = await CliRunner.InProcessAsync("catalog", "show", "aws-fleet", "--catalog", file, "--catalog", second);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("overridden by", run.Output, StringComparison.Ordinal);
            Assert.Contains("pue = 1.300", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
            File.Delete(second);
        }
    }

    [Fact]
    public async Task A_study_on_a_cloud_region_and_a_country_grid_assesses_with_catalog_provenance()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cradle-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, """
            cradle: 1
            name: fine-tuning in Frankfurt, serving in Virginia
            goal: {application: test, audience: tests}
            functional_unit: {amount: 1000 request, description: answered requests}
            system_boundary:
              included: [supervised-fine-tuning, inference]
            impact_categories: [gwp100]
            sites:
              lab:
                grid: de
                pue: 1.3
                wue: 0 L/kWh
            stages:
              sft:
                kind: supervised-fine-tuning
                site: lab
                energy: 500 kWh
            inference:
              hardware: none
              site: aws-us-east-1
              lifetime_requests: 1e7 request
              energy_per_request: 0.001 kWh/request
              device_time_per_request: 1 s/request
            hardware:
              none:
                device: dummy
                lifespan: 4 year
            devices:
              dummy: {power: 300 W}
            """);
        try
        {
            var run = await CliRunner.InProcessAsync("assess", file, "--format", "json");
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("\"version\": \"2026.11.1\"", run.Output, StringComparison.Ordinal);
            Assert.Contains("\"de\"", run.Output, StringComparison.Ordinal);
            Assert.Contains("\"aws-us-east-1\"", run.Output, StringComparison.Ordinal);
            Assert.Contains("\"key\": \"owid-ember-2024\"", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
