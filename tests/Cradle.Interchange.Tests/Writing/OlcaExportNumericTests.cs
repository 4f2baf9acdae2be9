using Cradle.Studies.Assessment;

namespace Cradle.Interchange.Tests.Writing;

/// <summary>
/// The exported package computes what Cradle computes, without openLCA: A and B rebuilt from the JSON alone
/// (<see cref="PackageMatrices"/>), A s = f solved with MathNet for each product system's target amount, the exported
/// factors applied, and each category's result compared with StudyAssessor's deterministic total of that alternative.
/// </summary>
public sealed class OlcaExportNumericTests
{
    [Theory]
    // OLMo 2 7B: three alternatives × two categories (GWP100, water consumption). Reasoning vs training: three
    // alternatives × one category (GWP100).
    [InlineData("olmo2-7b", 6)]
    [InlineData("reasoning-vs-training", 3)]
    public void Each_product_system_gives_the_assessed_totals_to_1e_9(string example, int categoriesCompared)
    {
        var (entities, alternatives) = ExportedExample.Export(example);
        var compared = 0;
        foreach (var compiled in alternatives)
        {
            var label = compiled.Alternative?.Id ?? "as-written";
            var system = entities.Values.Single(e => e.GetProperty("@type").GetString() == "ProductSystem"
                && e.GetProperty("name").GetString()!.EndsWith($"({label})", StringComparison.Ordinal));
            var fromPackage = PackageMatrices.Impacts(entities, system);
            var assessed = StudyAssessor.Assess(compiled, []);
            for (var k = 0; k < assessed.Categories.Count; k++)
            {
                var expected = assessed.Totals[k];
                var actual = fromPackage[assessed.Categories[k].Name];
                Assert.True(expected != 0, $"{label}: {assessed.Categories[k].Name} is zero; the check would prove nothing");
                Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected),
                    $"{label}: {assessed.Categories[k].Name}: package {actual:R}, Cradle {expected:R}");
                compared++;
            }
        }
        Assert.Equal(categoriesCompared, compared);
    }
}
