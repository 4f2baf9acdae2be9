using Cradle.Studies.Tests.Support;
using static Cradle.Studies.Tests.Fleets.FleetStudy;

namespace Cradle.Studies.Tests.Fleets;

/// <summary>Fleets that cannot be served as written: each refused with its field, where it is written, and what to write.</summary>
public sealed class FleetErrorTests
{
    [Fact]
    public void Shares_that_do_not_add_up_to_one_are_refused_naming_the_fleets_and_the_sum()
    {
        var error = TinyStudy.Error(Study(edgeTraffic: "share: 0.2"), "fleet-shares");
        Assert.Equal("inference.fleets", error.Field);
        Assert.Contains("cloud 0.75, edge 0.2", error.Message, StringComparison.Ordinal);
        Assert.Contains("add up to 0.95", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shares_within_the_tolerance_of_one_are_accepted()
    {
        // 0.75 + 0.2500000001 = 1 + 1e-10, inside 1e-6; the weights are normalised, so the total moves by ~1e-10 only.
        var a = Assess(Study(edgeTraffic: "share: 0.2500000001"));
        Assert.True(a.Totals[0] > 0);
    }

    [Fact]
    public void An_alternative_breaking_the_sum_is_refused_in_its_name()
    {
        var text = Study() + "\nalternatives:\n  more-edge:\n    parameters:\n      inference.fleets.edge.share: 0.5\n";
        var error = TinyStudy.Error(text, "fleet-shares");
        Assert.Contains("cloud 0.75, edge 0.5", error.Message, StringComparison.Ordinal);
        Assert.Contains("alternative 'more-edge'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_that_do_not_add_up_to_the_stated_lifetime_are_refused()
    {
        var error = TinyStudy.Error(Study("requests: 7e5 request", "requests: 2.5e5 request"), "fleet-requests");
        Assert.Contains("add up to 950000", error.Message, StringComparison.Ordinal);
        Assert.Contains("lifetime_requests = 1000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fleet_with_both_share_and_requests_is_refused()
    {
        var error = TinyStudy.Error(Study(edgeTraffic: "share: 0.25\n      requests: 2.5e5 request"), "fleet-traffic");
        Assert.Equal("inference.fleets.edge.share", error.Field);
    }

    [Fact]
    public void Fleets_mixing_shares_and_requests_are_refused()
    {
        var error = TinyStudy.Error(Study(edgeTraffic: "requests: 2.5e5 request"), "fleet-traffic");
        Assert.Equal("inference.fleets", error.Field);
    }

    [Fact]
    public void Shares_without_a_lifetime_are_refused()
    {
        var error = TinyStudy.Error(Study(lifetime: ""), "missing-field");
        Assert.Equal("inference.lifetime_requests", error.Field);
    }

    [Fact]
    public void An_unknown_hardware_id_in_a_fleet_names_the_fleet_field_and_the_closest_hardware()
    {
        var text = Study().Replace("hardware: phone", "hardware: phon", StringComparison.Ordinal);
        var error = TinyStudy.Error(text, "unknown-hardware");
        Assert.Equal("inference.fleets.edge.hardware", error.Field);
        Assert.Contains("'phone'", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "phon\n").Line, error.Location!.Line);
    }

    [Fact]
    public void An_unknown_site_id_in_a_fleet_names_the_fleet_field_and_the_closest_site()
    {
        var text = Study().Replace("site: home", "site: hom", StringComparison.Ordinal);
        var error = TinyStudy.Error(text, "unknown-site");
        Assert.Equal("inference.fleets.edge.site", error.Field);
        Assert.Contains("'home'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fleet_without_energy_is_refused()
    {
        var text = Study().Replace("      energy_per_request: 0.0004 kWh/request\n", "", StringComparison.Ordinal);
        var error = TinyStudy.Error(text, "energy-form");
        Assert.Equal("inference.fleets.edge", error.Field);
    }

    [Fact]
    public void An_unknown_field_of_a_fleet_lists_the_fields()
    {
        var text = Study(edgeTraffic: "share: 0.25\n      shares: 0.25");
        var error = Assert.Single(TinyStudy.Errors(text), e => e.Message.Contains("'shares'", StringComparison.Ordinal));
        Assert.Contains("share", error.Message, StringComparison.Ordinal);
    }
}
