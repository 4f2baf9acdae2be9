using Cradle.Interchange.Background;
using Cradle.Interchange.Reading;
using Cradle.Interchange.Tests.Writing;
using Cradle.Interchange.Writing;
using Cradle.Studies.Assessment;

namespace Cradle.Interchange.Tests;

/// <summary>
/// Export, re-import, same results (issue 16, "Round trip"): a bundled example written as an openLCA package by
/// <see cref="OlcaExport"/>, read back by <see cref="OpenLcaPackageReader"/> as any package from elsewhere is read,
/// each product system solved by <see cref="BackgroundInventorySolver"/> and characterised with the package's own LCIA
/// categories, equals `cradle assess`'s deterministic total of that alternative and category to 1e-9 relative.
/// </summary>
public sealed class RoundTripTests
{
    [Theory]
    [InlineData("olmo2-7b", 6)]                 // three alternatives × GWP100 and water consumption
    [InlineData("reasoning-vs-training", 3)]    // three alternatives × GWP100
    public void An_exported_study_read_back_gives_the_assessed_totals(string example, int compared)
    {
        var (name, alternatives) = ExportedExample.Compile(example);
        var zip = Path.Combine(Path.GetTempPath(), $"cradle-roundtrip-{Guid.NewGuid():N}.zip");
        try
        {
            using (var file = File.Create(zip))
            {
                OlcaExport.Write(name, alternatives, file);
            }
            var database = OpenLcaPackageReader.Read(zip);
            Assert.Equal(alternatives.Count, database.ProductSystems.Count);
            // Cradle's own package leaves nothing open: every unit known, every input linked, one output per process.
            Assert.Empty(database.Findings.Select(f => $"{f.Code} {f.File} {f.Field}"));
            // openLCA's sign convention: an elementary flow taken from nature is an input, its inventory negative, and
            // its factor counts against the input (the characterisation negates it), so impacts stay positive.
            var inputs = database.Processes.Values.SelectMany(p => p.Exchanges).Where(e => e.IsInput).Select(e => e.FlowId).ToHashSet(StringComparer.Ordinal);
            var checkedTotals = 0;
            foreach (var compiled in alternatives)
            {
                var label = compiled.Alternative?.Id ?? "as-written";
                var system = database.ProductSystems.Values.Single(s => s.Name.EndsWith($"({label})", StringComparison.Ordinal));
                var inventory = BackgroundInventorySolver.Solve(database, system);
                var assessed = StudyAssessor.Assess(compiled, []);
                for (var k = 0; k < assessed.Categories.Count; k++)
                {
                    var category = database.ImpactCategories.Values.Single(c => c.Name == assessed.Categories[k].Name);
                    var score = category.Factors.Sum(f =>
                        inventory.Flows.TryGetValue(f.FlowId, out var amount) ? f.Value * amount * (inputs.Contains(f.FlowId) ? -1 : 1) : 0);
                    var expected = assessed.Totals[k];
                    Assert.True(expected != 0, $"{label}: {category.Name} is zero; the check would prove nothing");
                    Assert.True(Math.Abs(score - expected) <= 1e-9 * Math.Abs(expected), $"{label}: {category.Name}: read back {score:R}, assessed {expected:R}");
                    checkedTotals++;
                }
            }
            Assert.Equal(compared, checkedTotals);
        }
        finally
        {
            File.Delete(zip);
        }
    }
}
