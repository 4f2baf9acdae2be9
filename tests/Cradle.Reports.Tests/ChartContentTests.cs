using Cradle.Reports.Charts;

namespace Cradle.Reports.Tests;

/// <summary>Each chart draws the right data, not just a picture.</summary>
public sealed class ChartContentTests
{
    [Fact]
    public void The_amortisation_curve_falls_monotonically_to_near_the_marginal_cost()
    {
        var model = ExampleResults.Model;
        var a = model.Alternatives[0];
        var chart = ChartSet.Amortisation(a, 0, model.FunctionalUnit.Amount);
        var cost = chart.Series.Single(s => s.Name == "cost").Values;
        Assert.True(cost.Zip(cost.Skip(1)).All(p => p.First > p.Second), "cost per functional unit must fall as the lifetime grows");
        var floor = a.EquationOne!.Marginal[0] + a.EquationOne.Embodied[0];
        Assert.InRange(cost[^1] / floor, 1.0, 1.05);
        Assert.Contains("<svg", chart.Svg, StringComparison.Ordinal);
        Assert.Contains("break-even", chart.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_shares_stack_to_one_hundred_percent_in_every_category()
    {
        var a = ExampleResults.Model.Alternatives[0];
        var chart = ChartSet.StageShares(a);
        for (var k = 0; k < a.Categories.Count; k++)
        {
            Assert.Equal(100, chart.Series.Sum(s => s.Values[k]), 9);
        }
    }

    [Fact]
    public void The_distribution_counts_every_draw_and_the_tornado_puts_the_largest_swing_on_top()
    {
        var a = ExampleResults.Model.Alternatives[0];
        var distribution = ChartSet.Distribution(a, 0);
        Assert.Equal(a.Uncertainty!.Iterations, distribution.Series.Single(s => s.Name == "counts").Values.Sum());
        var tornado = ChartSet.Tornado(a, 0).Series.Select(s => Math.Abs(s.Values[1] - s.Values[0])).ToList();
        Assert.Equal(tornado.Order(), tornado); // drawn bottom-up: the last (top) bar swings most
    }

    [Fact]
    public void The_comparison_shows_each_alternative_total()
    {
        var model = ExampleResults.Model;
        var chart = ChartSet.Comparison(model, 0);
        Assert.Equal(model.Alternatives.Select(a => a.Totals[0]), chart.Series.Select(s => s.Values[0]));
    }
}
