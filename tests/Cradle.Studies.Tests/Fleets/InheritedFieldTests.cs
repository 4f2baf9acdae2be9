using Cradle.Studies.Tests.Support;
using static Cradle.Studies.Tests.Fleets.FleetStudy;

namespace Cradle.Studies.Tests.Fleets;

/// <summary>
/// Fleets inherit what <c>inference</c> states (the request's tokens, a default energy per token) and override what
/// they state themselves; the request's work (reasoning) and a fleet's idle time have their own rows per fleet.
/// </summary>
public sealed class InheritedFieldTests
{
    // Half the requests each. 200 output and 100 reasoning tokens per request; the cloud inherits 2e-6 kWh/token, the
    // phones state 1e-6 kWh/token and idle 1 W per device at 50 % occupancy (4 s busy → 4 s idle → 4 J).
    private static string Text()
    {
        var text = Study("share: 0.5", "share: 0.5",
            "  lifetime_requests: 1e6 request\n  output_tokens: 200 token/request\n  reasoning_tokens: 100 token/request\n  energy_per_token: 2e-6 kWh/token\n");
        text = TinyStudy.With("      energy_per_request: 0.002 kWh/request\n", "", text);
        return TinyStudy.With("energy_per_request: 0.0004 kWh/request", "energy_per_token: 1e-6 kWh/token\n      idle: {power: 1 W, occupancy: 0.5}", text);
    }

    private const double CloudDecode = 0.5 * 200 * 2e-6;      // 2e-4 kWh per functional unit
    private const double CloudReasoning = 0.5 * 100 * 2e-6;   // 1e-4
    private const double EdgeDecode = 0.5 * 200 * 1e-6;       // 1e-4
    private const double EdgeReasoning = 0.5 * 100 * 1e-6;    // 5e-5
    private const double EdgeIdle = 0.5 * 4 * 1 / 3.6e6;      // 0.5 × 4 J = 5.5556e-7

    [Fact]
    public void Each_fleet_has_its_decode_reasoning_and_idle_rows()
    {
        var a = Assess(Text());
        double It(string scope) => Assert.Single(a.Energy.Scopes, s => s.Scope == scope).ItEnergy;
        Assert.Equal(CloudDecode, It("inference@cloud"), 15);
        Assert.Equal(CloudReasoning, It("inference-reasoning@cloud"), 15);
        Assert.Equal(EdgeDecode, It("inference@edge"), 15);
        Assert.Equal(EdgeReasoning, It("inference-reasoning@edge"), 15);
        Assert.Equal(EdgeIdle, It("inference-idle@edge"), 15);
        Assert.DoesNotContain(a.Energy.Scopes, s => s.Scope == "inference-idle@cloud");
    }

    [Fact]
    public void Inherited_fields_are_one_parameter_and_a_fleets_own_are_its_own()
    {
        var a = Assess(Text());
        Assert.Single(a.Inputs, i => i.Name == "inference.output_tokens");
        Assert.Equal(2e-6, Assert.Single(a.Inputs, i => i.Name == "inference.energy_per_token").Value, 15);
        Assert.Equal(1e-6, Assert.Single(a.Inputs, i => i.Name == "inference.fleets.edge.energy_per_token").Value, 15);
        Assert.Single(a.Inputs, i => i.Name == "inference.fleets.edge.idle.power");
    }

    [Fact]
    public void The_requests_composition_adds_the_fleets_terms()
    {
        var a = Assess(Text());
        // gwp100: 0.75 kg per cloud kWh, 0.1 kg per phone kWh.
        Assert.Equal((CloudDecode * 0.75) + (EdgeDecode * 0.1), Assert.Single(a.RequestComposition, t => t.Term == "decode").Values[0], 15);
        Assert.Equal((CloudReasoning * 0.75) + (EdgeReasoning * 0.1), Assert.Single(a.RequestComposition, t => t.Term == "reasoning").Values[0], 15);
        Assert.Equal(EdgeIdle * 0.1, Assert.Single(a.RequestComposition, t => t.Term == "idle").Values[0], 15);
        Assert.Equal(a.Totals[0], a.RequestComposition.Sum(t => t.Values[0]), 15);
    }

    [Fact]
    public void A_fleet_per_request_beside_tokens_at_inference_is_refused()
    {
        var text = TinyStudy.With("energy_per_token: 1e-6 kWh/token", "energy_per_request: 0.0004 kWh/request", Text());
        var error = TinyStudy.Error(text, "per-token-only");
        Assert.Equal("inference.fleets.edge", error.Field);
    }

    [Fact]
    public void An_alternatives_convention_on_an_inherited_energy_reaches_the_fleets_that_inherit_it()
    {
        var text = Text() + "\nalternatives:\n  as-written: {description: as written}\n  it-only:\n    conventions:\n"
            + "      inference.energy_per_token.pue: ignore\n      inference.fleets.edge.energy_per_token.pue: ignore\n";
        var assessment = TinyStudy.Assess(text);
        double Grid(int alternative, string scope) => Assert.Single(assessment.Alternatives[alternative].Energy.Scopes, s => s.Scope == scope).GridElectricity;
        // The cloud's decode, 2e-4 kWh of IT energy: × PUE 1.5 as written, as is with PUE ignored.
        Assert.Equal(1.5 * CloudDecode, Grid(0, "inference@cloud"), 15);
        Assert.Equal(CloudDecode, Grid(1, "inference@cloud"), 15);
        Assert.False(Assert.Single(assessment.Alternatives[1].Conventions, c => c.Scope == "inference@edge").PueApplied);
        Assert.True(Assert.Single(assessment.Alternatives[0].Conventions, c => c.Scope == "inference@edge").PueApplied);
    }
}
