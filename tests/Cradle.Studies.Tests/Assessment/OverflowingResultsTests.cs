using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>
/// Results beyond the largest double are the study's error for every analysis, placed at the input to blame, never
/// printed as dashes with exit 0. Found in review: compare and sensitivity used to print them.
/// </summary>
public sealed class OverflowingResultsTests
{
    /// <summary>1e308 requests of 100 kWh: every amount is finite, the total (about 75 kg per request × 1e308) is not.</summary>
    private static readonly string Huge = TinyStudy.With("  amount: 1 request", "  amount: 1e308 request",
        TinyStudy.With("  energy_per_request: 0.002 kWh/request", "  energy_per_request: 100 kWh/request"));

    [Fact]
    public void Totals_that_overflow_are_refused_when_the_study_is_compiled_for_any_command()
    {
        var e = Assert.Throws<StudyException>(() => StudyAssessor.Compile(Huge, TinyStudy.File, [], null));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("not-finite", problem.Code);
        Assert.Equal("functional_unit.amount", problem.Field);
        Assert.Equal(TinyStudy.Find(Huge, "1e308 request"), (problem.Location!.Line, problem.Location.Column));
    }

    [Fact]
    public void An_amount_that_overflows_only_in_matrix_units_is_named_at_its_parameter()
    {
        // 1e306 m3/Wh is finite, but the engine counts water in L/kWh: 1e306 × 1e6 overflows.
        var text = TinyStudy.With("    wue: 0.25 L/kWh", "    wue: 1e306 m3/Wh");
        var problem = TinyStudy.Error(text, "not-finite");
        Assert.Equal("sites.s.wue", problem.Field);
        Assert.Contains("sites.s.wue = 1e306 m3/Wh gives an amount of the model beyond the largest number", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_literal_finite_as_written_but_not_in_base_units_says_so()
    {
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy: 1e305 MWh");
        var problem = TinyStudy.Error(text, "out-of-range");
        Assert.Equal("stages.pre-training.energy", problem.Field);
        Assert.Contains("'1e305 MWh' is beyond the largest number a computer can hold (about 1.8e308) once converted", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draw_whose_solved_results_overflow_is_blamed_on_the_input_that_does_it_alone()
    {
        // 1e150 requests of 1e150 kWh each: about 1.5e300 kg per functional unit, finite. Drawn with a GSD of 1e6, the
        // energy reaches 1e159 in some draws: every amount is still finite, the solved total is not.
        var text = TinyStudy.With("  amount: 1 request", "  amount: 1e150 request",
            TinyStudy.With("  energy_per_request: 0.002 kWh/request",
                "  energy_per_request:\n    value: 1e150 kWh/request\n    uncertainty: {distribution: lognormal, gsd: 1e6}"));
        Assert.NotNull(TinyStudy.Assess(text));
        var e = Assert.Throws<StudyException>(() =>
            StudyAssessor.Assess(text, TinyStudy.File, [], null, new MonteCarloOptions(2000, 1, 1)));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("sample-not-finite", problem.Code);
        Assert.Equal("inference.energy_per_request", problem.Field);
        Assert.Contains("a Monte Carlo draw of inference.energy_per_request = ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("alone makes the results beyond the largest number a computer can hold", problem.Message, StringComparison.Ordinal);
    }
}
