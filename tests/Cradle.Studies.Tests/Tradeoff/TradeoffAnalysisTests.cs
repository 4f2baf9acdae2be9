using Cradle.Results;
using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Tradeoff;

/// <summary>
/// The trade-off on one functional unit equals its closed form: N* = ΔD ÷ Δi, requests per budget = (budget − D) ÷ i,
/// computed by hand from <see cref="TradeoffStudy"/>'s inputs.
/// </summary>
public sealed class TradeoffAnalysisTests
{
    private static TradeoffResults Run(string a, string b, string? budget = null, MonteCarloOptions? mc = null, string? text = null)
    {
        var (x, y) = TradeoffAnalysis.Pick(TradeoffStudy.Compile(text ?? TradeoffStudy.Text()), a, b);
        return TradeoffAnalysis.Run(x, y, budget, mc);
    }

    [Fact]
    public void Break_even_between_two_alternatives_is_the_difference_in_development_over_the_difference_per_request()
    {
        // trained-further: D = 3,000 kWh × 1.5 × 0.5 = 2,250 kg; i = 0.001 × 0.75 = 0.00075 kg/request.
        // reasoning:       D = 1,000 × 0.75 = 750 kg;              i = 0.004 × 0.75 = 0.003 kg/request.
        // N* = (2,250 − 750) ÷ (0.003 − 0.00075) = 1,500 ÷ 0.00225 = 666,666.67 requests.
        var r = Run("trained-further", "reasoning");
        Assert.Equal(2250, r.Alternatives[0].Development[0], 9);
        Assert.Equal(0.00075, r.Alternatives[0].InferencePerRequest[0], 12);
        Assert.Equal(750, r.Alternatives[1].Development[0], 9);
        Assert.Equal(0.003, r.Alternatives[1].InferencePerRequest[0], 12);
        Assert.Equal(TradeoffOutcomes.ARepays, r.BreakEven[0].Outcome);
        Assert.Equal(1500 / 0.00225, r.BreakEven[0].Requests!.Value, 3);
        Assert.Equal(666_666.667, r.BreakEven[0].Requests!.Value, 2);
        // Water: every term × 3.25 L/kWh ÷ 0.75 kg/kWh, so the same N*: (3.25 × 2,000) ÷ (3.25 × 0.003) = 666,666.67.
        Assert.Equal(666_666.667, r.BreakEven[1].Requests!.Value, 2);
    }

    [Fact]
    public void Read_the_other_way_reasoning_on_costs_more_beyond_the_same_volume()
    {
        // reasoning against trained-further: ΔD = 750 − 2,250 = −1,500 kg, Δi = 0.00075 − 0.003 = −0.00225 kg: N* = 666,666.67,
        // below which reasoning costs less and beyond which it costs more.
        var r = Run("reasoning", "trained-further");
        Assert.Equal(TradeoffOutcomes.BRepays, r.BreakEven[0].Outcome);
        Assert.Equal(666_666.667, r.BreakEven[0].Requests!.Value, 2);
    }

    [Fact]
    public void Never_when_the_signs_say_so()
    {
        // wasteful: D = 2,250 kg like trained-further, i = 0.003 kg: ΔD = 0, Δi = 0.003 − 0.00075 > 0 for trained-further.
        Assert.Equal(TradeoffOutcomes.ANeverDearer, Run("trained-further", "wasteful").BreakEven[0].Outcome);
        Assert.Null(Run("trained-further", "wasteful").BreakEven[0].Requests);
        // Read from wasteful: more or equal development and dearer to serve, never cheaper.
        Assert.Equal(TradeoffOutcomes.ANeverCheaper, Run("wasteful", "trained-further").BreakEven[0].Outcome);
        // wasteful against reasoning: ΔD = 2,250 − 750 > 0 but Δi = 0.003 − 0.003 = 0: never repays.
        Assert.Equal(TradeoffOutcomes.ANeverCheaper, Run("wasteful", "reasoning").BreakEven[0].Outcome);
    }

    [Theory]
    [InlineData(1.0, 1.0, 1.0, 1.0, TradeoffOutcomes.Equal)]
    [InlineData(2.0, 1.0, 1.0, 3.0, TradeoffOutcomes.ARepays)]
    [InlineData(1.0, 3.0, 2.0, 1.0, TradeoffOutcomes.BRepays)]
    [InlineData(2.0, 2.0, 1.0, 1.0, TradeoffOutcomes.ANeverCheaper)]
    [InlineData(1.0, 1.0, 2.0, 2.0, TradeoffOutcomes.ANeverDearer)]
    public void Crossing_follows_the_signs_of_the_two_differences(double dA, double iA, double dB, double iB, string outcome) =>
        Assert.Equal(outcome, TradeoffAnalysis.Crossing(dA, iA, dB, iB).Outcome);

    [Fact]
    public void A_carbon_budget_serves_the_budget_less_development_over_the_cost_per_request()
    {
        // 3,000 kg: trained-further (3,000 − 2,250) ÷ 0.00075 = 1,000,000 requests; reasoning (3,000 − 750) ÷ 0.003 = 750,000.
        var budget = Run("trained-further", "reasoning", "3000 kg CO2e").Budget!;
        Assert.Equal(["gwp100"], budget.Rows);
        Assert.Equal(1_000_000, budget.Served[0][0].Requests!.Value, 3);
        Assert.Equal(750_000, budget.Served[1][0].Requests!.Value, 3);
        // 2 t: development alone (2,250 kg) spends it under trained-further; reasoning (2,000 − 750) ÷ 0.003 = 416,666.67.
        var small = Run("trained-further", "reasoning", "2 t CO2e").Budget!;
        Assert.Equal(("none", 0.0), (small.Served[0][0].Outcome, small.Served[0][0].Requests!.Value));
        Assert.Equal(416_666.667, small.Served[1][0].Requests!.Value, 2);
    }

    [Fact]
    public void An_energy_budget_is_held_against_facility_energy()
    {
        // 10 MWh = 10,000 kWh of facility energy (IT × PUE 1.5). trained-further: D = 4,500 kWh, i = 0.0015 kWh:
        // (10,000 − 4,500) ÷ 0.0015 = 3,666,666.67; reasoning: D = 1,500, i = 0.006: 8,500 ÷ 0.006 = 1,416,666.67.
        var budget = Run("trained-further", "reasoning", "10 MWh").Budget!;
        Assert.Equal(["energy"], budget.Rows);
        Assert.Equal(10_000, budget.Amount, 9);
        Assert.Equal(3_666_666.667, budget.Served[0][0].Requests!.Value, 2);
        Assert.Equal(1_416_666.667, budget.Served[1][0].Requests!.Value, 2);
    }

    [Fact]
    public void A_budget_in_no_assessed_unit_is_refused_naming_the_units()
    {
        var e = Assert.Throws<StudyException>(() => Run("trained-further", "reasoning", "5 kg SO2e"));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("budget-unit", problem.Code);
        Assert.Contains("gwp100 (kg CO2 eq)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Monte_Carlo_bands_are_on_common_random_numbers_and_reproducible_from_the_seed()
    {
        // PUE drawn (lognormal, GSD 1.2) scales D and i of both alternatives alike in each draw, so with common random
        // numbers N* = ΔD ÷ Δi is 666,666.67 in every draw, while the requests a budget serves move with PUE.
        var text = TradeoffStudy.Text(pue: "\n      value: 1.5\n      uncertainty: {distribution: lognormal, gsd: 1.2}");
        var mc = new MonteCarloOptions(400, 7, 2);
        var r = Run("trained-further", "reasoning", "3000 kg CO2e", mc, text);
        var band = r.BreakEven[0].Bands!;
        Assert.Equal(666_666.667, band.P5, 2);
        Assert.Equal(666_666.667, band.P95, 2);
        Assert.Equal(400, r.BreakEven[0].DrawsByOutcome[TradeoffOutcomes.ARepays]);
        var served = r.Budget!.Served[1][0].Bands!;
        Assert.True(served.P95 > served.P5, "the requests served move with the drawn PUE");
        // Every draw is accounted for: the draws that serve some requests, and those where development spends the budget.
        var further = r.Budget.Served[0][0];
        Assert.True(further.DrawsNone > 0, "with PUE above 2 development alone (1,500 × PUE kg) spends 3,000 kg");
        var again = Run("trained-further", "reasoning", "3000 kg CO2e", mc, text);
        Assert.Equal(served, again.Budget!.Served[1][0].Bands);
        Assert.Equal(further.DrawsNone, again.Budget.Served[0][0].DrawsNone);
        var other = Run("trained-further", "reasoning", "3000 kg CO2e", mc with { Seed = 8 }, text);
        Assert.NotEqual(served, other.Budget!.Served[1][0].Bands);
    }

    [Fact]
    public void Never_draws_are_counted_not_dropped()
    {
        // Training energy of trained-further drawn around 1,000 kWh (uniform 0.5–1.5 ×), the same as reasoning's:
        // ΔD = 0.75 × (E − 1,000) kg is positive in about half the draws (a-repays) and negative in the rest, where
        // trained-further has less development and is cheaper to serve (a-never-dearer). Both are counted.
        var alternatives = TradeoffStudy.Alternatives.Replace("      train_energy: 3000 kWh\n      request_energy: 0.001 kWh/request",
            "      train_energy:\n        value: 1000 kWh\n        uncertainty: {distribution: uniform, min_factor: 0.5, max_factor: 1.5}\n      request_energy: 0.001 kWh/request",
            StringComparison.Ordinal);
        Assert.NotEqual(TradeoffStudy.Alternatives, alternatives);
        var r = Run("trained-further", "reasoning", mc: new MonteCarloOptions(1000, 5, 2), text: TradeoffStudy.Text(alternatives));
        var draws = r.BreakEven[0].DrawsByOutcome;
        Assert.Equal(1000, draws.Values.Sum());
        Assert.InRange(draws[TradeoffOutcomes.ARepays], 400, 600);
        Assert.InRange(draws[TradeoffOutcomes.ANeverDearer], 400, 600);
    }

    [Fact]
    public void A_category_a_declared_development_footprint_does_not_give_is_not_covered_not_never()
    {
        // Pre-training declared as 1,000 kg CO2e with no water figure: water development is a gap, so no crossing and
        // no budget are computed for it; gwp100: D = 1,000 kg for both, Δi = 0.003 − 0.00075 > 0: a-never-dearer.
        var text = TradeoffStudy.Text().Replace("    site: s\n    energy: train_energy\n", "    footprint: {gwp100: 1000 kg CO2e}\n", StringComparison.Ordinal);
        Assert.NotEqual(TradeoffStudy.Text(), text);
        var r = Run("trained-further", "reasoning", "1 m3", text: text);
        Assert.Equal(TradeoffOutcomes.ANeverDearer, r.BreakEven[0].Outcome);
        Assert.Equal(TradeoffOutcomes.NotCovered, r.BreakEven[1].Outcome);
        Assert.Equal(TradeoffOutcomes.NotCovered, r.Budget!.Served[0][0].Outcome);
    }

    [Fact]
    public void Unknown_alternatives_are_refused_with_the_closest_names()
    {
        var e = Assert.Throws<StudyException>(() => Run("trained-furthr", "reasoning"));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("unknown-alternative", problem.Code);
        Assert.Contains("closest: trained-further", problem.Message, StringComparison.Ordinal);
        Assert.Equal("pair-with-itself", Assert.Single(Assert.Throws<StudyException>(() => Run("reasoning", "reasoning")).Problems).Code);
    }

    [Fact]
    public void A_functional_unit_not_of_requests_is_refused()
    {
        var text = TradeoffStudy.Text().Replace("amount: 1 request", "amount: 1 model", StringComparison.Ordinal);
        var e = Assert.Throws<StudyException>(() => Run("trained-further", "reasoning", text: text));
        Assert.Contains(e.Problems, p => p.Code == "not-per-request");
    }
}
