using Cradle.Studies.Tests.Support;
using static Cradle.Studies.Tests.Fleets.FleetStudy;

namespace Cradle.Studies.Tests.Fleets;

/// <summary>
/// A request served by two fleets, a cloud and phones (edge): the traffic-weighted sum of the fleets' requests, and
/// each fleet's own energy rows and contributions, by hand (figures in <see cref="FleetStudy"/>).
/// </summary>
public sealed class TwoFleetTests
{
    // gwp100 per request (kg): 0.75 × (1.5e-3 + 3.1710e-6) + 0.25 × (4e-5 + 4.2277e-6) + 7.7283e-4
    private const double Total = (0.75 * (CloudEnergy + CloudEmbodied)) + (0.25 * (EdgeEnergy + EdgeEmbodied)) + DevelopmentPerRequest;

    [Fact]
    public void The_request_is_the_traffic_weighted_sum_of_the_fleets_requests()
    {
        var a = Assess(Study());
        Assert.Equal(Total, a.Totals[0], 15);
    }

    [Fact]
    public void Each_fleet_has_its_own_energy_rows_at_its_own_site()
    {
        var a = Assess(Study());
        // IT energy per request: 0.75 × 0.002 = 1.5e-3 kWh in the cloud, 0.25 × 0.0004 = 1e-4 kWh on the phones.
        var cloud = Assert.Single(a.Energy.Scopes, s => s.Scope == "inference@cloud");
        var edge = Assert.Single(a.Energy.Scopes, s => s.Scope == "inference@edge");
        Assert.Equal(0.75 * 0.002, cloud.ItEnergy, 15);
        Assert.Equal(0.25 * 0.0004, edge.ItEnergy, 15);
        Assert.Equal("s", Assert.Single(a.Conventions, c => c.Scope == "inference@cloud").Site);
        Assert.Equal("home", Assert.Single(a.Conventions, c => c.Scope == "inference@edge").Site);
    }

    [Fact]
    public void Each_fleet_contributes_its_share_by_stage()
    {
        var a = Assess(Study());
        double Row(string id, string stage) => Assert.Single(a.StageInstances, s => s.StageId == id && s.Stage == stage).Values[0];
        Assert.Equal(0.75 * CloudEnergy, Row("inference@cloud", "inference"), 15);
        Assert.Equal(0.25 * EdgeEnergy, Row("inference@edge", "inference"), 15);
        Assert.Equal(0.75 * CloudEmbodied, Row("inference@cloud", "hardware-manufacture"), 15);
        Assert.Equal(0.25 * EdgeEmbodied, Row("inference@edge", "hardware-manufacture"), 15);
        Assert.Contains(a.AllProcesses, p => p.Name == "inference@edge: grid electricity, e" && p.StageId == "inference@edge");
    }

    [Fact]
    public void Equation_one_sums_the_fleets_marginal_and_embodied_terms()
    {
        var eq = Assess(Study()).EquationOne!;
        Assert.Equal((0.75 * CloudEnergy) + (0.25 * EdgeEnergy), eq.MarginalInference[0], 15);
        Assert.Equal((0.75 * CloudEmbodied) + (0.25 * EdgeEmbodied), eq.AmortisedEmbodied[0], 15);
        Assert.Equal(DevelopmentPerRequest, eq.AmortisedDevelopment[0], 15);
    }

    [Fact]
    public void Break_even_without_draws_agrees_with_the_total()
    {
        var compiled = Cradle.Studies.Assessment.StudyAssessor.Compile(Study(), TinyStudy.File, [], null).Alternatives[0];
        var curve = Cradle.Studies.Assessment.BreakEvenAnalysis.RunOnDraws(compiled, [1e6], 0.1, null);
        Assert.Equal(Total, curve.Curve[0].Values[0], 15);
    }

    [Fact]
    public void Trade_off_reads_each_fleets_parts()
    {
        // The trade-off's i is the traffic-weighted request without its development share, and D is one trained model:
        // i = 0.75 × (1.5e-3 + 3.1710e-6) + 0.25 × (4e-5 + 4.2277e-6), D = 7.7283e-4 × 10⁶ requests = 772.83 kg.
        var compiled = Cradle.Studies.Assessment.StudyAssessor.Compile(Study(), TinyStudy.File, [], null).Alternatives[0];
        var result = Cradle.Studies.Assessment.TradeoffAnalysis.Run(("a", compiled), ("b", compiled), null, null);
        var a = result.Alternatives[0];
        Assert.Equal((0.75 * (CloudEnergy + CloudEmbodied)) + (0.25 * (EdgeEnergy + EdgeEmbodied)), a.InferencePerRequest[0], 15);
        Assert.Equal(DevelopmentPerRequest * 1e6, a.Development[0], 9);
    }

    [Fact]
    public void Request_counts_give_the_same_request_and_their_sum_is_the_lifetime()
    {
        // 7.5e5 and 2.5e5 requests: shares 0.75 and 0.25, lifetime 10⁶.
        var a = Assess(Study("requests: 7.5e5 request", "requests: 2.5e5 request", lifetime: ""));
        Assert.Equal(Total, a.Totals[0], 15);
        Assert.Equal(1e6, a.EquationOne!.LifetimeRequests);
        var lifetime = Assert.Single(a.Inputs, i => i.Name == "inference.lifetime_requests");
        Assert.Equal("modelled", lifetime.Origin);
    }

    [Fact]
    public void Request_counts_and_a_matching_lifetime_are_accepted()
    {
        Assert.Equal(Total, Assess(Study("requests: 7.5e5 request", "requests: 2.5e5 request")).Totals[0], 15);
    }

    [Fact]
    public void An_alternative_overrides_a_fleets_share()
    {
        // The cloud takes the rest: with 50 % on the phones, 0.5 × cloud + 0.5 × edge + development.
        var text = Study("share: 1 - inference.fleets.edge.share")
            + "\nalternatives:\n  as-written: {description: 25 % on phones}\n  more-edge:\n    parameters:\n      inference.fleets.edge.share: 0.5\n";
        var assessment = TinyStudy.Assess(text);
        Assert.Equal(Total, assessment.Alternatives[0].Totals[0], 15);
        var half = (0.5 * (CloudEnergy + CloudEmbodied)) + (0.5 * (EdgeEnergy + EdgeEmbodied)) + DevelopmentPerRequest;
        Assert.Equal(half, assessment.Alternatives[1].Totals[0], 15);
    }

    [Fact]
    public void Shares_and_years_are_inputs_with_their_provenance()
    {
        var a = Assess(Study());
        Assert.Equal(0.25, Assert.Single(a.Inputs, i => i.Name == "inference.fleets.edge.share").Value);
        Assert.Equal(3, Assert.Single(a.Inputs, i => i.Name == "inference.fleets.edge.years").Value);
        Assert.Equal(0.002, Assert.Single(a.Inputs, i => i.Name == "inference.fleets.cloud.energy_per_request").Value);
    }

    [Fact]
    public void The_fleets_table_gives_each_fleets_share_footprint_per_request_and_contribution()
    {
        var a = Assess(Study());
        Assert.Equal(["cloud", "edge"], a.Fleets.Select(f => f.Id));
        var cloud = a.Fleets[0];
        var edge = a.Fleets[1];
        Assert.Equal(0.75, cloud.Share, 15);
        Assert.Equal(0.25, edge.Share, 15);
        // Per request on the fleet: its energy and embodied share (no share of development, taken once by the request).
        Assert.Equal(CloudEnergy + CloudEmbodied, cloud.PerRequest[0], 15);
        Assert.Equal(EdgeEnergy + EdgeEmbodied, edge.PerRequest[0], 15);
        Assert.Equal(0.25 * (EdgeEnergy + EdgeEmbodied), edge.Values[0], 15);
        Assert.Equal(0.25 * (EdgeEnergy + EdgeEmbodied) / Total, edge.Shares[0], 12);
    }

    [Fact]
    public void A_study_without_fleets_has_no_fleets_table()
    {
        Assert.Empty(Assess(TinyStudy.Text).Fleets);
    }
}
