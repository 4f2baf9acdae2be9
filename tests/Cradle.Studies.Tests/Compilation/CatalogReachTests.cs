using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>
/// A site can name a catalog data-centre profile for its PUE and WUE, and a hardware node a catalog server for its
/// embodied figures and its power besides the accelerators; what the study states itself wins. Figures are the shipped
/// catalog's (datacentres.yaml, servers.yaml), so a change there shows here.
/// </summary>
public sealed class CatalogReachTests
{
    private const string InlineSite = "    pue: 1.5\n    wue: 0.25 L/kWh\n";

    private static double Input(AlternativeAssessment a, string name) => a.Inputs.Single(i => i.Name == name).Value;

    [Fact]
    public void A_site_naming_a_datacentre_profile_takes_its_pue_and_wue()
    {
        // meta-fleet: PUE 1.08 (dcd-2024-pue, 2023), WUE 0.19 L/kWh (meta-sustainability-report-2024, 2023).
        var a = TinyStudy.Assess(TinyStudy.With(InlineSite, "    datacentre: meta-fleet\n")).Alternatives[0];
        Assert.Equal(1.08, Input(a, "sites.s.pue"), 12);
        Assert.Equal(0.19, Input(a, "sites.s.wue"), 12);
        Assert.Equal("dcd-2024-pue", a.Inputs.Single(i => i.Name == "sites.s.pue").Source);
        Assert.Contains("meta-fleet", a.CatalogEntries);
        Assert.DoesNotContain(a.Warnings, w => w.Code == "missing-wue");

        // The pre-training stage's electricity: 1,000 kWh IT × PUE × 0.5 kg CO2e/kWh. Inline PUE 1.5 gives 750 kg,
        // meta-fleet's 1.08 gives 540 kg: the stage scales by 1.08 / 1.5 = 0.72 whatever it is divided by.
        var inline = TinyStudy.Assess().Alternatives[0];
        Assert.Equal(0.72, Stage(a, "pre-training") / Stage(inline, "pre-training"), 12);
    }

    [Fact]
    public void What_the_site_states_wins_over_the_profile()
    {
        var a = TinyStudy.Assess(TinyStudy.With(InlineSite, "    datacentre: meta-fleet\n    pue: 1.2\n")).Alternatives[0];
        Assert.Equal(1.2, Input(a, "sites.s.pue"), 12);
        Assert.Equal(0.19, Input(a, "sites.s.wue"), 12);
    }

    [Fact]
    public void An_unknown_datacentre_profile_is_an_error_at_its_name_with_suggestions()
    {
        var text = TinyStudy.With(InlineSite, "    datacentre: meta-flet\n");
        var e = Assert.Throws<StudyException>(() => TinyStudy.Assess(text));
        var problem = Assert.Single(e.Problems, p => p.Code == "unknown-datacentre");
        Assert.Equal(TinyStudy.Find(text, "meta-flet").Line, problem.Location!.Line);
        Assert.Contains("meta-fleet", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(e.Problems, p => p.Code == "unknown-site");
    }

    // Two user profiles, each lacking one figure, to show what the study is then told.
    private static readonly (string, string)[] PartialProfiles =
    [
        ("bib.yaml", """
            catalog: 1
            kind: bibliography
            entries:
              - {key: test-report, authors: Test Operator, title: Test report, year: 2025, licence: cited figure}
            """),
        ("dc.yaml", """
            catalog: 1
            kind: datacentre
            defaults:
              uncertainty:
                pue: {distribution: triangular, min_factor: 0.95, max_factor: 1.1}
                wue: {distribution: lognormal, gsd: 2}
            entries:
              - id: water-only
                name: Profile with a WUE only
                figures:
                  wue: {value: 0.3 L/kWh, source: test-report, year: 2024}
              - id: pue-only
                name: Profile with a PUE only
                figures:
                  pue: {value: 1.3, source: test-report, year: 2024}
            """),
    ];

    [Fact]
    public void A_profile_without_a_pue_for_a_site_without_one_is_an_error_at_the_profile()
    {
        var text = TinyStudy.With(InlineSite, "    datacentre: water-only\n");
        var e = Assert.Throws<StudyException>(() => StudyAssessor.Assess(text, TinyStudy.File, PartialProfiles, null));
        var problem = Assert.Single(e.Problems, p => p.Code == "missing-field");
        Assert.Equal("sites.s.pue", problem.Field);
        Assert.Equal(TinyStudy.Find(text, "water-only").Line, problem.Location!.Line);
    }

    [Fact]
    public void A_profile_without_a_wue_is_warned_and_counted_as_no_on_site_water()
    {
        var a = StudyAssessor.Assess(TinyStudy.With(InlineSite, "    datacentre: pue-only\n"), TinyStudy.File, PartialProfiles, null).Alternatives[0];
        Assert.Equal(1.3, Input(a, "sites.s.pue"), 12);
        Assert.Equal(0, Input(a, "sites.s.wue"));
        Assert.Contains(a.Warnings, w => w.Code == "missing-wue" && w.Message.Contains("pue-only", StringComparison.Ordinal));
    }

    [Fact]
    public void A_site_without_pue_or_profile_is_still_an_error()
    {
        var e = Assert.Throws<StudyException>(() => TinyStudy.Assess(TinyStudy.With(InlineSite, "    wue: 0.25 L/kWh\n")));
        Assert.Contains(e.Problems, p => p.Code == "missing-field" && p.Field == "sites.s.pue");
    }

    [Fact]
    public void A_node_naming_a_catalog_server_takes_its_embodied_figures_and_power()
    {
        // aws-p5-48xlarge-host (EcoLogits 2025): 5,700 kg CO2e per host without its GPUs; 1,200 W besides the GPUs.
        var text = TinyStudy.With("    per_node: 4\n", "    per_node: 4\n    node:\n      server: aws-p5-48xlarge-host\n");
        var a = TinyStudy.Assess(text).Alternatives[0];
        Assert.Equal(5700, Input(a, "hardware.fleet.node.embodied.gwp100"), 9);
        Assert.Equal(1200, Input(a, "hardware.fleet.node.power"), 9);
        Assert.Contains("aws-p5-48xlarge-host", a.CatalogEntries);

        // Hardware manufacture gains the node's share per device-hour: 5,700 kg ÷ 4 devices ÷ (2 year × 8,760 h × 0.5)
        // (a year is 365 days) = 0.162671 kg per device-hour. Device time per request: 1 s (serving) + 2,000 h ÷ 10⁶
        // requests (pre-training, amortised) = 2.77778e-4 + 2e-3 = 2.277778e-3 h; × 0.162671 = 3.70529e-4 kg CO2e.
        var inline = TinyStudy.Assess().Alternatives[0];
        var added = Stage(a, "hardware-manufacture") - Stage(inline, "hardware-manufacture");
        Assert.Equal(5700.0 / 4 / 8760 * (1.0 / 3600 + 2000 / 1e6), added, 1e-9 * added);
    }

    [Fact]
    public void What_the_node_states_wins_over_the_server()
    {
        var text = TinyStudy.With("    per_node: 4\n", "    per_node: 4\n    node:\n      server: aws-p5-48xlarge-host\n      power: 800 W\n");
        var a = TinyStudy.Assess(text).Alternatives[0];
        Assert.Equal(800, Input(a, "hardware.fleet.node.power"), 9);
        Assert.Equal(5700, Input(a, "hardware.fleet.node.embodied.gwp100"), 9);
    }

    [Fact]
    public void An_unknown_server_is_an_error_at_its_name()
    {
        var text = TinyStudy.With("    per_node: 4\n", "    per_node: 4\n    node:\n      server: p5.48xlarg\n");
        var e = Assert.Throws<StudyException>(() => TinyStudy.Assess(text));
        var problem = Assert.Single(e.Problems, p => p.Code == "unknown-server");
        Assert.Equal(TinyStudy.Find(text, "p5.48xlarg").Line, problem.Location!.Line);
    }

    private static double Stage(AlternativeAssessment a, string stage) =>
        a.Stages.Single(s => s.Stage == stage).Values[a.Categories.Select(c => c.Id).ToList().IndexOf("gwp100")];
}
