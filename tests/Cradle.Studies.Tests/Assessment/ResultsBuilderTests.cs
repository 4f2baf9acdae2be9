using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>
/// Equation (1) is computed once, by the assessor: the results records copy its terms, and the amortisation curve of
/// <c>assess --mc</c> starts from them, so the table, the JSON, the reports and the curve show one set of numbers.
/// </summary>
public sealed class ResultsBuilderTests
{
    [Fact]
    public void The_results_carry_the_assessors_equation_one_terms_unchanged()
    {
        var assessment = TinyStudy.Assess();
        var a = assessment.Alternatives[0];
        var results = ResultsBuilder.From(assessment, null).Alternatives[0];

        var eq = results.EquationOne!;
        Assert.Same(a.EquationOne!.MarginalInference, eq.Marginal);
        Assert.Same(a.EquationOne.AmortisedEmbodied, eq.Embodied);
        Assert.Same(a.EquationOne.AmortisedDevelopment, eq.Development);
        Assert.Same(a.EquationOne.DevelopmentTotal, eq.DevelopmentTotal);
        Assert.Same(a.EquationOne.BreakEvenRequests, eq.BreakEven);
        Assert.Equal(a.EquationOne.LifetimeRequests, eq.Lifetime);
    }

    [Fact]
    public void The_amortisation_curve_of_a_monte_carlo_assessment_agrees_with_equation_one()
    {
        var assessment = StudyAssessor.Assess(TinyStudy.Text, TinyStudy.File, [], null, new MonteCarloOptions(32, 5, 1));
        var a = assessment.Alternatives[0];
        var eq = a.EquationOne!;

        // Same break-even, bit for bit: both are development total ÷ (marginal + embodied) per request, from one set of terms.
        Assert.Equal(eq.BreakEvenRequests, a.Amortisation!.BreakEven);
        // At the study's own lifetime (10⁶ requests, the first point of the curve), the curve's value is the total:
        // marginal + embodied + development total × requests ÷ lifetime (docs/results-format.md, invariants).
        var point = a.Amortisation.Curve.Single(p => p.Lifetime == eq.LifetimeRequests);
        for (var k = 0; k < a.Categories.Count; k++)
        {
            Assert.Equal(a.Totals[k], point.Values[k], 12);
        }
    }
}
