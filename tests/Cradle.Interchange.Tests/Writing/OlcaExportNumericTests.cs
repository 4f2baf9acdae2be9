using Cradle.Studies.Assessment;

namespace Cradle.Interchange.Tests.Writing;

/// <summary>
/// The exported package computes what Cradle computes, without openLCA: A and B rebuilt from the JSON alone
/// (<see cref="PackageMatrices"/>), A s = f solved with MathNet for each product system's target amount, the exported
/// factors applied, and each category's result compared with StudyAssessor's deterministic total of that alternative.
/// </summary>
public sealed class OlcaExportNumericTests
{
    [Fact]
    public void Each_product_system_gives_the_assessed_totals_to_1e_9()
    {
        var entities = ExportedExample.Entities;
        var compared = 0;
        foreach (var compiled in ExportedExample.Alternatives)
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
        // Three alternatives × two categories (GWP100, water consumption).
        Assert.Equal(6, compared);
    }
}
