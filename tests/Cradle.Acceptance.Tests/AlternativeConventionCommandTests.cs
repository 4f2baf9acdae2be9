namespace Cradle.Acceptance.Tests;

/// <summary>
/// Through the command line: one study compares Morrison et al.'s inference "as published" (PUE not applied) with
/// "PUE included", and every output says which alternative counted what.
/// </summary>
public sealed class AlternativeConventionCommandTests
{
    // Morrison et al. 2025, offline batching: 7.5e-6 kWh of GPU energy per request, Austin Energy 0.332 kg CO2e/kWh,
    // 1.49 L/kWh off site, PUE 1.2, WUE 0.
    private const string Study = """
        cradle: 1
        name: Morrison 2025 inference, as published and with PUE
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1000 request
          description: 1,000 ShareGPT prompts answered by OLMo 2 7B
        system_boundary:
          included: [inference]
          excluded:
            hardware-manufacture: not in the published per-request figures
        impact_categories: [gwp100, water]
        grids:
          austin:
            basis: direct
            per_kwh:
              gwp100: 0.332 kg CO2e/kWh
        sites:
          jupiter:
            grid: austin
            pue: 1.2
            wue: 0 L/kWh
            offsite_water: 1.49 L/kWh
        inference:
          site: jupiter
          lifetime_requests: 1e9 request
          energy_per_request:
            value: 0.0000075 kWh/request
            boundary: node
            pue: ignore
        alternatives:
          as-published:
            description: Morrison's inference figures, PUE not applied
          pue-included:
            description: the same with facility overhead
            conventions:
              inference.energy_per_request.pue: apply
              water: li-2023
        """;

    [Fact]
    public async Task Both_numbers_and_both_conventions_are_shown_in_the_table_and_the_reports()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("morrison.yaml", Study);

        var table = await CliRunner.InProcessAsync("assess", study);
        Assert.True(table.ExitCode == 0, table.Error);
        // As published: 0.0075 kWh × 0.332 = 0.002490 kg CO2e, 0.0075 × 1.49 = 0.011175 L (printed 0.01117 or 0.01118:
        // 0.011175 has no exact binary form).
        // PUE included: 0.0075 × 1.2 × 0.332 = 0.002988 kg CO2e, 0.0075 × 1.2 × 1.49 = 0.01341 L.
        Assert.Matches(@"as-published +0\.002490 +0\.0111[78]", table.Output);
        Assert.Matches(@"pue-included +0\.002988 +0\.01341", table.Output);
        Assert.Contains("  - inference: IT energy of the nodes, PUE NOT applied", table.Output, StringComparison.Ordinal);
        Assert.Contains("  - in 'pue-included': inference: IT energy of the nodes, site PUE applied; water (li-2023): IT energy × WUE on site + IT energy × PUE × the off-site water factor from site jupiter", table.Output, StringComparison.Ordinal);

        // Off-site water stays with the electricity, where it is consumed, under either formula.
        Assert.Matches(@"inference: grid electricity, austin +0\.002988 +0\.01341", table.Output);

        var json = temp.File("morrison.json");
        Assert.Equal(0, (await CliRunner.InProcessAsync("assess", study, "--format", "json", "--output", json)).ExitCode);
        var markdown = await CliRunner.InProcessAsync("report", json, "--format", "md");
        Assert.True(markdown.ExitCode == 0, markdown.Error);
        Assert.Contains("- Energy convention in *pue-included* — inference: IT energy of the nodes, site PUE applied; water (li-2023)", markdown.Output, StringComparison.Ordinal);
        var html = await CliRunner.InProcessAsync("report", json, "--format", "html");
        Assert.Contains("<li>Energy convention in <i>pue-included</i> — inference: IT energy of the nodes, site PUE applied; water (li-2023)", html.Output, StringComparison.Ordinal);
    }
}
