namespace Cradle.Studies.Tests.Schema;

/// <summary>The per-request work in the schema: valid exactly when the reader accepts it.</summary>
public sealed partial class StudySchemaTests
{
    private const string PerToken = "  energy_per_token: 2e-6 kWh/token\n  output_tokens: 200 token/request\n";

    [Theory]
    [InlineData("  input_tokens: 800 token/request\n  energy_per_input_token: 0.05 J/token\n  refinement_rounds: 1", true)]
    [InlineData("  draft: {energy_per_token: 0.02 J/token, tokens_per_output_token: 1.6, source: card}", true)]
    [InlineData("  retrieval: {calls_per_request: 2 call/request, model: e5, embedding: {energy_per_call: 0.03 Wh/call}, search: {energy_per_call: {value: 0.01 Wh/call, boundary: gpu}}, hardware: fleet, device_time_per_call: 0.02 s/call, site: s}", true)]
    [InlineData("  tool_calls: {calls_per_request: 3 call/request, energy_per_call: 0.1 Wh/call, footprint_per_call: {gwp100: 0.2 g CO2e/call, water: 0.01 L/call}, site: s}", true)]
    [InlineData("  retrieval: {calls_per_request: 2 call/request}", false)]
    [InlineData("  retrieval: {calls_per_request: 2 call/request, search: {energy_per_call: 0.01 Wh/call, unit: Wh}}", false)]
    [InlineData("  tool_calls: {calls_per_request: 3 call/request}", false)]
    [InlineData("  draft: {energy_per_token: 0.02 J/token}", false)]
    [InlineData("  refinement_rounds: -1", false)]
    public async Task Per_request_work_is_valid_in_the_schema_exactly_when_the_reader_accepts_it(string lines, bool valid)
    {
        var text = Support.TinyStudy.With("  energy_per_request: 0.002 kWh/request\n", PerToken);
        text = Support.TinyStudy.With("  device_time_per_request: 1 s/request", $"  device_time_per_request: 1 s/request\n{lines}", text);

        Assert.Equal(valid, (await ValidateAsync(text)).Count == 0);
        Assert.Equal(valid, CradleErrors(text).Count == 0);
    }
}
