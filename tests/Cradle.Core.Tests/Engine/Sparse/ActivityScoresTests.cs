using Cradle.Core.Engine;
using Cradle.Core.Engine.Sparse;
using Cradle.Core.Tests.Builders;

namespace Cradle.Core.Tests.Engine.Sparse;

/// <summary>Every activity's score from one transposed solve per category equals the per-activity solves.</summary>
public class ActivityScoresTests
{
    private static string Name(int j) => $"p{j}";

    [Fact]
    public void The_transposed_solve_gives_the_score_of_a_unit_of_each_of_20_sampled_activities()
    {
        var system = EcoinventShapedSystem.Generate(20_000, seed: 19_565);
        var technosphere = new SparseTechnosphere(system.Inputs, Name);
        var direct = system.DirectScores(1);

        var scores = ActivityScores.ForCategory(technosphere, system.Biosphere, system.Categories[1]);

        var sample = new Random(3);
        for (var k = 0; k < 20; k++)
        {
            var j = sample.Next(system.Processes);
            var demand = new double[system.Processes];
            demand[j] = 1;
            // The score of one unit of product j the long way: s = A⁻¹ eⱼ, then h = (c B) s.
            var s = technosphere.Solve(demand);
            var expected = 0.0;
            for (var i = 0; i < s.Length; i++)
            {
                expected += direct[i] * s[i];
            }
            AssertClose.Relative(expected, scores[j], 1e-9, $"score of p{j}");
        }
    }

    [Fact]
    public void A_hand_computed_three_process_loop_scores_exactly()
    {
        // The loop of SparseTechnosphereTests: p0 consumes 0.5 of p1, p1 0.25 of p2, p2 0.5 of p0. Each emits CO2
        // (factor 1): p0 2 kg, p1 3 kg, p2 4 kg per unit. A unit of p0 needs s = (16, 8, 2)/15, so its score is
        // (2·16 + 3·8 + 4·2)/15 = 64/15. A unit of p1: s1 = 1 + 0.5 s0, s2 = 0.25 s1, s0 = 0.5 s2 = 0.125 s1, so
        // s1 = 1 + 0.0625 s1 = 16/15, s2 = 4/15, s0 = 2/15: (2·2 + 3·16 + 4·4)/15 = 68/15. A unit of p2: s0 = 0.5 s2,
        // s1 = 0.5 s0 = 0.25 s2, s2 = 1 + 0.25 s1 = 1 + 0.0625 s2 = 16/15, s0 = 8/15, s1 = 4/15: (16 + 12 + 64)/15 = 92/15.
        var inputs = new SparseColumns(3, 3);
        inputs.Add(1, 0, 0.5);
        inputs.Add(2, 1, 0.25);
        inputs.Add(0, 2, 0.5);
        var biosphere = new SparseColumns(1, 3);
        biosphere.Add(0, 0, 2);
        biosphere.Add(0, 1, 3);
        biosphere.Add(0, 2, 4);

        var scores = ActivityScores.ForCategory(new SparseTechnosphere(inputs, Name), biosphere, [(0, 1.0)]);

        AssertClose.Relative([64.0 / 15, 68.0 / 15, 92.0 / 15], scores, 1e-14, "λ");
    }
}
