using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// Through the command line: a request with prefill, reasoning and retrieval shows its composition in the table and
/// in the JSON (shares adding up to 1), and the JSON reads back with it.
/// </summary>
public sealed class RequestCompositionCommandTests
{
    // IT energy per request (PUE 1): decode 100 × 1e-5 = 1e-3 kWh; reasoning 300 × 1e-5 = 3e-3 kWh; prefill
    // 1,000 × 1e-6 = 1e-3 kWh; retrieval 1 call × (4 + 1) Wh = 5e-3 kWh; 1e-2 kWh in all, × 0.5 kg CO2e/kWh = 5e-3 kg.
    // Shares: prefill 10 %, decode 10 %, reasoning 30 %, retrieval 50 %.
    private const string Study = """
        cradle: 1
        name: request composition
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1 request
          description: one answered request
        system_boundary:
          included: [inference]
          excluded:
            hardware-manufacture: serving hardware not known
        impact_categories: [gwp100]
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
        inference:
          site: s
          lifetime_requests: 1e9 request
          energy_per_token: 1e-5 kWh/token
          output_tokens: 100 token/request
          reasoning_tokens: 300 token/request
          input_tokens: 1000 token/request
          energy_per_input_token: 1e-6 kWh/token
          retrieval:
            calls_per_request: 1 call/request
            embedding: { energy_per_call: 4 Wh/call }
            search: { energy_per_call: 1 Wh/call }
        """;

    [Fact]
    public async Task The_table_and_the_json_show_the_composition_of_one_request()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("composition.yaml", Study);

        var table = await CliRunner.InProcessAsync("assess", study);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Composition of one request", table.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n  prefill +\S+ \(10\.0 %\)\n  decode +\S+ \(10\.0 %\)\n  reasoning +\S+ \(30\.0 %\)\n  retrieval +\S+ \(50\.0 %\)\n", table.Output);
        Assert.Matches(@"  inference-retrieval \(inference\) +\S+", table.Output);

        var json = await CliRunner.InProcessAsync("assess", study, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        var terms = document.RootElement.GetProperty("alternatives")[0].GetProperty("request_composition").EnumerateArray()
            .Select(t => (Term: t.GetProperty("term").GetString(), Value: t.GetProperty("values").GetProperty("gwp100").GetDouble(),
                Share: t.GetProperty("shares").GetProperty("gwp100").GetDouble()))
            .ToList();
        Assert.Equal(["prefill", "decode", "reasoning", "retrieval"], terms.Select(t => t.Term));
        // 5e-4, 5e-4, 1.5e-3, 2.5e-3 kg CO2e.
        Assert.Equal([5e-4, 5e-4, 1.5e-3, 2.5e-3], terms.Select(t => Math.Round(t.Value, 15)));
        Assert.Equal(1, terms.Sum(t => t.Share), 12);

        // The results read back with their composition: the report renders from the file.
        var results = temp.Write("composition.json", json.Output);
        var read = Cradle.Results.Json.ResultsReader.Read(File.ReadAllText(results));
        Assert.Equal(4, read.Alternatives[0].RequestComposition.Count);
        Assert.Equal(0.3, read.Alternatives[0].RequestComposition[2].Shares[0], 12);
        var markdown = await CliRunner.InProcessAsync("report", results, "--format", "md");
        Assert.Equal(0, markdown.ExitCode);
        Assert.Matches(@"\| reasoning \| \S+ \| 30\.0 % \|", markdown.Output);
        var html = await CliRunner.InProcessAsync("report", results, "--format", "html");
        Assert.Equal(0, html.ExitCode);
        Assert.Contains("<h3>Composition of one request — Results</h3>", html.Output, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\">50.0 %</td>", html.Output, StringComparison.Ordinal);
    }
}
