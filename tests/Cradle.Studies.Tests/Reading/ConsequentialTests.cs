using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Reading;

/// <summary>
/// Cradle's catalog holds average (attributional) grid factors only, so a consequential study stops at the goal's
/// approach line instead of printing attributional numbers under a consequential label.
/// </summary>
public sealed class ConsequentialTests
{
    private static string WithApproach(string approach) =>
        TinyStudy.With("  audience: tests\n", $"  audience: tests\n  approach: {approach}\n");

    [Fact]
    public void A_consequential_study_is_refused_at_the_approach_line_with_the_way_forward()
    {
        var text = WithApproach("consequential");
        var e = Assert.Throws<StudyException>(() => TinyStudy.Assess(text));
        var problem = Assert.Single(e.Problems, p => p.Code == "consequential-unsupported");
        Assert.Equal(TinyStudy.Find(text, "consequential"), (problem.Location!.Line, problem.Location.Column));
        Assert.Equal("goal.approach", problem.Field);
        Assert.Contains("marginal grid factors", problem.Message, StringComparison.Ordinal);
        Assert.Contains("approach: attributional", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attributional_study_is_assessed_and_labelled_so()
    {
        var a = TinyStudy.Assess(WithApproach("attributional"));
        Assert.Equal("attributional", a.Study.Goal.Approach);
        Assert.NotEmpty(a.Alternatives[0].Totals);
    }
}
