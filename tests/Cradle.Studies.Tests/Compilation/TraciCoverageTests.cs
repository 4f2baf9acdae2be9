using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>
/// A catalog grid's SO2 and NOx (as eGRID publishes them per subregion) are characterised by TRACI 2.1 and bring its
/// categories into a study's default indicators, so they are not left out (or zero) by default; TRACI 2.1 categories
/// Cradle has no factors for are listed as not covered rather than shown as zero.
/// </summary>
public sealed class TraciCoverageTests
{
    // An eGRID-like subregion in a user catalog. The figures are test values, not eGRID's: the shipped catalog has no
    // subregion SO2 or NOx rates yet (docs/data-sources.md says which source is missing).
    private static readonly (string, string)[] Files =
    [
        ("bib.yaml", """
            catalog: 1
            kind: bibliography
            entries:
              - {key: test-egrid, authors: Test Agency, title: Test subregion rates, year: 2024, licence: cited figure}
            """),
        ("grids.yaml", """
            catalog: 1
            kind: grid
            defaults:
              uncertainty:
                gwp100: {distribution: lognormal, gsd: 1.15}
                emissions.so2: {distribution: lognormal, gsd: 1.5}
                emissions.nox: {distribution: lognormal, gsd: 1.5}
            entries:
              - id: test-subregion
                name: Test subregion (eGRID-like)
                figures:
                  gwp100: {value: 500 g CO2e/kWh, source: test-egrid, year: 2023, basis: direct}
                  emissions.so2: {value: 0.5 g/kWh, source: test-egrid, year: 2023}
                  emissions.nox: {value: 1 g/kWh, source: test-egrid, year: 2023}
            """),
    ];

    /// <summary>TinyStudy with the default indicators and its site on the catalog subregion.</summary>
    private static AlternativeAssessment OnSubregion() =>
        StudyAssessor.Assess(TinyStudy.With("impact_categories: [gwp100, water]\n", "",
            TinyStudy.With("    grid: g\n", "    grid: test-subregion\n")), TinyStudy.File, Files, null).Alternatives[0];

    private static double Total(AlternativeAssessment a, string category) => a.Totals[a.Categories.Select(c => c.Id).ToList().IndexOf(category)];

    [Fact]
    public void A_subregions_so2_and_nox_bring_traci_categories_in_by_default_with_the_methods_factors()
    {
        var a = OnSubregion();
        Assert.Subset(a.Categories.Select(c => c.Id).ToHashSet(), new HashSet<string> { "acidification", "eutrophication", "smog", "respiratory-effects" });
        Assert.DoesNotContain(a.Categories, c => c.Id == "ozone-depletion"); // neither SO2 nor NOx depletes ozone

        // Grid electricity per request: (0.002 kWh serving + 1,000 kWh ÷ 10⁶ requests of training) × PUE 1.5 = 0.0045 kWh;
        // emissions per request: SO2 0.5 g/kWh × 0.0045 = 2.25e-6 kg, NOx 1 g/kWh × 0.0045 = 4.5e-6 kg.
        // TRACI 2.1 factors (catalog methods.yaml):
        //   acidification  SO2 1.00, NOx 0.700       ⇒ 2.25e-6 + 0.7 × 4.5e-6           = 5.4e-6 kg SO2 eq
        //   eutrophication NOx 0.0443                ⇒ 0.0443 × 4.5e-6                  = 1.9935e-7 kg N eq
        //   smog           NOx 24.8                  ⇒ 24.8 × 4.5e-6                    = 1.116e-4 kg O3 eq
        //   respiratory    SO2 0.0611, NOx 0.00722   ⇒ 0.0611 × 2.25e-6 + 0.00722 × 4.5e-6 = 1.69965e-7 kg PM2.5 eq
        // The hardware has no figure for these categories: warned as not counted, so the totals are the grid's alone.
        Assert.Equal(5.4e-6, Total(a, "acidification"), 1e-18);
        Assert.Equal(1.9935e-7, Total(a, "eutrophication"), 1e-19);
        Assert.Equal(1.116e-4, Total(a, "smog"), 1e-16);
        Assert.Equal(1.69965e-7, Total(a, "respiratory-effects"), 1e-19);
        Assert.Contains("test-subregion", a.CatalogEntries);
    }

    [Fact]
    public void Traci_categories_cradle_does_not_cover_are_listed_not_zero()
    {
        var a = OnSubregion();
        Assert.Equal(["global-warming", "human-health-cancer", "human-health-non-cancer", "ecotoxicity", "fossil-fuel-depletion"],
            a.NotCovered.Select(c => c.Id));
        Assert.All(a.NotCovered, c => Assert.Equal("traci-2.1", c.Method));
        Assert.All(a.NotCovered, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
        // Listed, never a category with a total of 0.
        Assert.DoesNotContain(a.Categories, c => a.NotCovered.Any(n => n.Id == c.Id));
    }

    [Fact]
    public void A_study_assessing_no_traci_category_lists_none_as_not_covered()
    {
        Assert.Empty(TinyStudy.Assess().Alternatives[0].NotCovered);
    }
}
