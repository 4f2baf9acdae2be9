using Cradle.Interchange.Background;
using Cradle.Interchange.Reading;
using Cradle.Interchange.Tests.Reading;
using Cradle.Interchange.Tests.Writing;
using Cradle.Interchange.Writing;
using Cradle.Studies.Assessment;

namespace Cradle.Interchange.Tests;

/// <summary>
/// Every activity's score at once (issue 16, item 4) on a real package: the OLMo 2 7B example exported and read back.
/// The score of one unit of an alternative's reference product times the system's target amount (the functional unit)
/// is that alternative's total, so each total `cradle assess` computes checks one entry of the all-activity result.
/// </summary>
public sealed class DatabaseScoresTests
{
    [Fact]
    public void The_reference_activity_of_each_alternative_scores_its_assessed_total_per_unit()
    {
        var (name, alternatives) = ExportedExample.Compile("olmo2-7b");
        var zip = Path.Combine(Path.GetTempPath(), $"cradle-scores-{Guid.NewGuid():N}.zip");
        try
        {
            using (var file = File.Create(zip))
            {
                OlcaExport.Write(name, alternatives, file);
            }
            var database = OpenLcaPackageReader.Read(zip);
            var method = Assert.Single(database.ImpactMethods.Values);
            var result = DatabaseScores.Score(database, method);

            // Cradle's package is fully linked: every process is an activity, nothing cut off or left unlinked.
            Assert.Empty(result.LeftOut);
            Assert.Equal(0, result.CutOffs);
            Assert.Equal(0, result.Unlinked);
            Assert.Equal(database.Processes.Count, result.Activities.Count);
            var compared = 0;
            foreach (var compiled in alternatives)
            {
                var label = compiled.Alternative?.Id ?? "as-written";
                var system = database.ProductSystems.Values.Single(s => s.Name.EndsWith($"({label})", StringComparison.Ordinal));
                var reference = result.Activities.Single(a => a.Process.Id == system.ReferenceProcessId);
                var assessed = StudyAssessor.Assess(compiled, []);
                for (var k = 0; k < assessed.Categories.Count; k++)
                {
                    var c = result.Categories.Select((category, i) => (category, i)).Single(x => x.category.Name == assessed.Categories[k].Name).i;
                    var total = reference.Scores[c] * system.TargetAmount;
                    var expected = assessed.Totals[k];
                    Assert.True(Math.Abs(total - expected) <= 1e-9 * Math.Abs(expected), $"{label}: {assessed.Categories[k].Name}: {total:R} vs {expected:R}");
                    compared++;
                }
            }
            Assert.Equal(6, compared); // three alternatives × GWP100 and water
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public void Activities_that_cannot_be_columns_are_left_out_with_the_reason_and_open_inputs_counted()
    {
        // US-FPL (README of tests/data/openlca-jsonld): multi-output processes with allocation factors, and providers
        // such as "Electricity, at grid" that the set does not hold. It has no LCIA method: score with an empty one.
        var database = OpenLcaPackageReader.Read(TestPackages.UsFpl);
        var result = DatabaseScores.Score(database, new BackgroundImpactMethod("none", "none", []));
        Assert.Contains(result.LeftOut, l => l.Reason.Contains("product outputs (allocation", StringComparison.Ordinal));
        Assert.True(result.CutOffs > 0);
        Assert.Equal(database.Processes.Count, result.Activities.Count + result.LeftOut.Count);
    }
}
