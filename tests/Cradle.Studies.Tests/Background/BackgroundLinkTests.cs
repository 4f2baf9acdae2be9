using Cradle.Studies.Assessment;
using Cradle.Studies.Background;
using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;

namespace Cradle.Studies.Tests.Background;

/// <summary>
/// A study takes figures from a background provider (<c>from_background</c>): the provider's impacts per unit of its
/// product × the amount one unit of the target takes, as modelled inputs whose source names the database, its version
/// and SHA-256. The source here is a fake with fixed scores, so the arithmetic is the linker's alone; the real source
/// (openLCA packages) is tested in Cradle.Interchange.Tests. The study is docs/study-format.md's minimal one.
/// </summary>
public sealed class BackgroundLinkTests
{
    private const string Study = """
        cradle: 1
        name: Fine-tuning a 1B model
        goal:
          application: Footprint of one supervised fine-tuning run
          audience: the model's developers
        functional_unit:
          amount: 1 model
          description: one fine-tuned model
        system_boundary:
          included: [supervised-fine-tuning, hardware-manufacture]
          excluded:
            inference: the model is not served yet
        impact_categories: [gwp100]
        background:
          lci:
            file: lci.zip
        devices:
          a100:
            name: NVIDIA A100 SXM4 40GB
            embodied:
        EMBODIED
        hardware:
          lab-a100:
            device: a100
            per_node: 8
            lifespan: 5 year
        grids:
          local:
            basis: life-cycle
            per_kwh:
        PER_KWH
        sites:
          lab:
            grid: local
            pue: 1.5
            wue: 0 L/kWh
        stages:
          supervised-fine-tuning:
            hardware: lab-a100
            site: lab
            energy:
              value: 120 kWh
              provenance: measured
              boundary: node
            device_time: 400 h
        """;

    private const string StatedEmbodied = "      gwp100: 150 kg CO2e";
    private const string StatedGrid = "      gwp100: 0.4 kg CO2e/kWh";
    private const string LinkedGrid = "      from_background: lci\n      process: grid mix";

    private static readonly double[] GridRealisations = [0.05, 0.1, 0.15];

    // Hardware share of the minimal study: 400 h × 150 kg CO2e ÷ (5 × 8,760 h) = 1.369863… kg CO2e.
    private const double Hardware = 400 * 150 / (5 * 8760.0);

    private static StudyAssessment Assess(string embodied, string perKwh, IBackgroundSource? source) =>
        StudyAssessor.Assess(Study.Replace("EMBODIED", embodied, StringComparison.Ordinal).Replace("PER_KWH", perKwh, StringComparison.Ordinal),
            "study.yaml", [], null, background: source);

    private static IReadOnlyList<Syntax.InputProblem> Errors(string embodied, string perKwh, IBackgroundSource? source) =>
        Assert.Throws<StudyException>(() => Assess(embodied, perKwh, source)).Problems;

    [Fact]
    public void A_grid_linked_to_a_provider_in_megajoules_takes_its_score_per_kilowatt_hour()
    {
        // 0.1 kg CO2e per MJ × 3.6 MJ per kWh = 0.36 kg CO2e/kWh; 120 kWh × PUE 1.5 × 0.36 = 64.8 kg, plus the hardware.
        var source = new FakeSource("MJ", new() { ["gwp100"] = 0.1 });
        var a = Assess(StatedEmbodied, LinkedGrid, source).Alternatives[0];
        Assert.Equal(64.8 + Hardware, a.Totals[0], 9);
        var factor = a.Inputs.Single(i => i.Name == "grids.local.per_kwh.gwp100");
        Assert.Equal(0.36, factor.Value, 12);
        Assert.Equal("modelled", factor.Origin);
        Assert.Contains("background database 'Test LCI' version 2.0 (package SHA-256 0123456789ab…), process 'grid mix' (p-1)", factor.Source, StringComparison.Ordinal);
        Assert.Contains("1 kWh per kWh of 'electricity' = 3.6 MJ × 0.1 kg CO2 eq per MJ", factor.Note, StringComparison.Ordinal);
        Assert.Equal(("process", "grid mix"), Assert.Single(source.Asked));
    }

    [Fact]
    public void A_device_linked_to_a_provider_in_kilograms_takes_the_amount_per_device()
    {
        // 20 kg CO2e per kg × 7.5 kg per device = 150 kg CO2e per device: the minimal study's own figure, so its total.
        var source = new FakeSource("kg", new() { ["gwp100"] = 20 });
        var a = Assess("      from_background: lci\n      process: grid mix\n      amount: 7.5 kg", StatedGrid, source).Alternatives[0];
        Assert.Equal(72 + Hardware, a.Totals[0], 9);
        Assert.Equal(150, a.Inputs.Single(i => i.Name == "devices.a100.embodied.gwp100").Value, 12);
    }

    [Fact]
    public void A_figure_stated_beside_the_link_is_the_studys_and_the_link_gives_the_rest()
    {
        var source = new FakeSource("MJ", new() { ["gwp100"] = 0.1 });
        var a = Assess(StatedEmbodied, LinkedGrid + "\n" + StatedGrid, source).Alternatives[0];
        Assert.Equal(72 + Hardware, a.Totals[0], 9); // 120 × 1.5 × 0.4, as stated
        Assert.Equal("declared", a.Inputs.Single(i => i.Name == "grids.local.per_kwh.gwp100").Origin);
    }

    [Fact]
    public void A_category_the_provider_does_not_reach_is_a_warning_not_a_zero()
    {
        var source = new FakeSource("MJ", new() { ["water"] = 2.0 });
        var assessment = Assess(StatedEmbodied, LinkedGrid, source);
        var warning = assessment.Alternatives[0].Warnings.First(w => w.Code == "background-not-characterised");
        Assert.Contains("gives no 'gwp100' figure", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Water, well, in ground", warning.Message, StringComparison.Ordinal);
        Assert.Equal(Hardware, assessment.Alternatives[0].Totals[0], 9); // the grid's carbon is not counted, and said so
    }

    [Fact]
    public void An_amount_of_another_kind_than_the_providers_product_is_refused_at_its_line()
    {
        var source = new FakeSource("kg", new() { ["gwp100"] = 20 });
        var problem = Assert.Single(Errors(StatedEmbodied, LinkedGrid, source));
        Assert.Equal("background-amount", problem.Code);
        Assert.Equal("grids.local.per_kwh.amount", problem.Field);
        Assert.Contains("'1 kWh' is kWh (energy), but the provider's product 'electricity' is counted in kg", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_database_is_named_with_the_closest_key()
    {
        var problem = Assert.Single(Errors(StatedEmbodied, "      from_background: lcl\n      process: grid mix", new FakeSource("MJ", [])));
        Assert.Equal("unknown-background", problem.Code);
        Assert.Contains("did you mean 'lci'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_source_a_link_is_refused_as_the_server_refuses_files()
    {
        var problem = Assert.Single(Errors(StatedEmbodied, LinkedGrid, null));
        Assert.Equal("background-unavailable", problem.Code);
        Assert.Equal(31, problem.Location!.Line);
    }

    [Fact]
    public void The_sources_refusal_is_shown_at_the_process_or_at_the_file()
    {
        var byProvider = Assert.Single(Errors(StatedEmbodied, LinkedGrid, new FakeSource("MJ", []) { Refusal = new BackgroundSourceException("no process 'grid mix'") }));
        Assert.Equal(("background-provider", "grids.local.per_kwh.process", 32), (byProvider.Code, byProvider.Field, byProvider.Location!.Line));
        var byFile = Assert.Single(Errors(StatedEmbodied, LinkedGrid, new FakeSource("MJ", []) { Refusal = new BackgroundSourceException("changed after import", withFile: true) }));
        Assert.Equal(("background.lci.file", 16), (byFile.Field, byFile.Location!.Line));
    }

    [Fact]
    public void A_link_names_one_provider_and_only_where_links_are_read()
    {
        var both = Errors(StatedEmbodied, LinkedGrid + "\n      product_system: beef", new FakeSource("MJ", []));
        Assert.Contains(both, p => p.Code == "background-provider-twice");
        var study = Study.Replace("EMBODIED", StatedEmbodied, StringComparison.Ordinal).Replace("PER_KWH", StatedGrid, StringComparison.Ordinal)
            .Replace("    basis: life-cycle\n", "    basis: life-cycle\n    emissions:\n      from_background: lci\n      process: x\n", StringComparison.Ordinal);
        var problem = Assert.Single(Assert.Throws<StudyException>(() => StudyAssessor.Assess(study, "study.yaml", [], null, background: new FakeSource("MJ", []))).Problems);
        Assert.Equal(("background-link-not-here", "grids.local.emissions.from_background"), (problem.Code, problem.Field));
    }

    [Fact]
    public void A_stage_footprint_linked_to_a_provider_needs_the_amount_in_all()
    {
        var source = new FakeSource("kg", new() { ["gwp100"] = 2.5 });
        var withFootprint = Study.Replace("EMBODIED", StatedEmbodied, StringComparison.Ordinal).Replace("PER_KWH", StatedGrid, StringComparison.Ordinal)
            .Replace("included: [supervised-fine-tuning,", "included: [experimentation, supervised-fine-tuning,", StringComparison.Ordinal)
            + "\n  experimentation:\n    footprint:\n      from_background: lci\n      process: catering\nAMOUNT";
        var missing = Assert.Single(Assert.Throws<StudyException>(() =>
            StudyAssessor.Assess(withFootprint.Replace("AMOUNT\n", "", StringComparison.Ordinal).Replace("AMOUNT", "", StringComparison.Ordinal), "study.yaml", [], null, background: source)).Problems);
        Assert.Equal(("missing-field", "stages.experimentation.footprint.amount"), (missing.Code, missing.Field));
        // 40 kg × 2.5 kg CO2e/kg = 100 kg CO2e for experimentation, beside fine-tuning's 72 kg and the hardware.
        var a = StudyAssessor.Assess(withFootprint.Replace("AMOUNT", "      amount: 40 kg", StringComparison.Ordinal), "study.yaml", [], null, background: source).Alternatives[0];
        Assert.Equal(172 + Hardware, a.Totals[0], 9);
    }

    [Fact]
    public void A_sampled_background_moves_all_of_a_links_figures_together_and_repeats_with_the_seed()
    {
        // Three realisations of the provider, GWP100 and water aligned (water = 20 L per kg CO2e in each): the grid's two
        // figures take the same realisation in every draw, so every statistic of water is 20 × that of GWP100 (with
        // independent draws the ratio would wander), and the energy is exact so nothing else moves.
        var realisations = GridRealisations.Select(g => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { ["gwp100"] = g, ["water"] = 20 * g }).ToList();
        var source = new FakeSource("MJ", new() { ["gwp100"] = 0.1, ["water"] = 2.0 }) { Realisations = realisations };
        var study = Study.Replace("EMBODIED", StatedEmbodied, StringComparison.Ordinal).Replace("PER_KWH", LinkedGrid, StringComparison.Ordinal)
            .Replace("impact_categories: [gwp100]", "impact_categories: [gwp100, water]", StringComparison.Ordinal)
            .Replace("    file: lci.zip", "    file: lci.zip\n    monte_carlo: sampled\n    draws: 3", StringComparison.Ordinal);
        StudyAssessment Run(ulong seed, int threads) => StudyAssessor.Assess(study, "study.yaml", [], null, new MonteCarloOptions(2_000, seed, threads), background: source);

        var u = Run(3, 1).Alternatives[0].Uncertainty!;
        var (gwp, water) = (u.Totals[0], u.Totals[1]);
        // Electricity: 180 kWh × 3.6 MJ × {0.05, 0.1, 0.15} = {32.4, 64.8, 97.2} kg CO2e; water 20 × as much.
        Assert.Equal(32.4 + Hardware, gwp.P025, 9);
        Assert.Equal(97.2 + Hardware, gwp.P975, 9);
        Assert.Equal(20 * 64.8, water.Median, 9);
        Assert.Equal(20 * (gwp.Mean - Hardware), water.Mean, 9);
        Assert.Equal(u.Totals, Run(3, 4).Alternatives[0].Uncertainty!.Totals); // thread-count independent
        var input = Assert.Single(u.Inputs, i => i.Name == "grids.local.per_kwh.gwp100");
        Assert.StartsWith("sampled: 3 realisations of background database 'Test LCI' (2 uncertain exchanges)", input.Distribution, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sampled_background_takes_no_uncertainty_on_its_links_and_draws_need_sampling()
    {
        var source = new FakeSource("MJ", new() { ["gwp100"] = 0.1 }) { Realisations = [new Dictionary<string, double> { ["gwp100"] = 0.1 }] };
        var sampled = Study.Replace("    file: lci.zip", "    file: lci.zip\n    monte_carlo: sampled", StringComparison.Ordinal);
        var both = Assert.Single(Assert.Throws<StudyException>(() => StudyAssessor.Assess(
            sampled.Replace("EMBODIED", StatedEmbodied, StringComparison.Ordinal).Replace("PER_KWH", LinkedGrid + "\n      uncertainty: {distribution: lognormal, gsd: 1.2}", StringComparison.Ordinal),
            "study.yaml", [], null, background: source)).Problems);
        Assert.Equal("uncertainty-with-sampled-background", both.Code);
        var draws = Assert.Single(Assert.Throws<StudyException>(() => StudyAssessor.Assess(
            Study.Replace("    file: lci.zip", "    file: lci.zip\n    draws: 50", StringComparison.Ordinal).Replace("EMBODIED", StatedEmbodied, StringComparison.Ordinal).Replace("PER_KWH", StatedGrid, StringComparison.Ordinal),
            "study.yaml", [], null, background: source)).Problems);
        Assert.Equal(("draws-without-sampling", "background.lci.draws"), (draws.Code, draws.Field));
    }

    /// <summary>A provider with fixed scores per unit of its product; records what it was asked.</summary>
    private sealed class FakeSource(string unit, Dictionary<string, double> perUnit) : IBackgroundSource
    {
        public List<(string Kind, string Reference)> Asked { get; } = [];

        public BackgroundSourceException? Refusal { get; init; }

        public IReadOnlyList<IReadOnlyDictionary<string, double>>? Realisations { get; init; }

        public BackgroundProvider Resolve(BackgroundDatabaseDefinition database, string? process, string? productSystem, IndicatorSet indicators)
        {
            Asked.Add(process is null ? ("product system", productSystem!) : ("process", process));
            if (Refusal is not null)
            {
                throw Refusal;
            }
            return new BackgroundProvider("Test LCI", "2.0", "0123456789abcdef", "process", "p-1", process ?? productSystem!, "electricity", unit, perUnit,
                "solved by the fake", "characterised by the fake", ["Water, well, in ground"])
            {
                Realisations = database.Sampled ? Realisations : null,
                UncertainExchanges = 2,
            };
        }
    }
}
