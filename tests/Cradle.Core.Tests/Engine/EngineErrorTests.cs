using Cradle.Core.Engine;
using Cradle.Core.Model;
using Cradle.Core.Tests.Builders;

namespace Cradle.Core.Tests.Engine;

public class EngineErrorTests
{
    private static readonly ImpactMethod Gwp = Methods.Of(Methods.Gwp100());

    [Fact]
    public void A_two_process_loop_that_consumes_all_it_makes_is_singular()
    {
        // X needs 1 Y, Y needs 1 X: det [[1, −1], [−1, 1]] = 1 − 1 = 0
        var system = new SystemBuilder()
            .Product("x", "kg").Product("y", "kg").Product("z", "kg")
            .Process("make z", makes: "z", p => p.Consumes("x", "1"))
            .Process("make x", makes: "x", p => p.Consumes("y", "1"))
            .Process("make y", makes: "y", p => p.Consumes("x", "1"))
            .Build();

        var e = Assert.Throws<EngineException>(() => LcaCalculator.Calculate(system, Gwp, new Demand("z", 1)));

        Assert.Contains("singular", e.Message, StringComparison.Ordinal);
        Assert.Contains("make x", e.Message, StringComparison.Ordinal);
        Assert.Contains("make y", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_that_consumes_all_it_makes_is_singular()
    {
        var system = new SystemBuilder()
            .Product("electricity", "kWh")
            .Process("lossy grid", makes: "electricity", p => p.Consumes("electricity", "1"))
            .Build();

        var e = Assert.Throws<EngineException>(() => LcaCalculator.Calculate(system, Gwp, new Demand("electricity", 1)));

        Assert.Contains("'lossy grid' consumes at least as much of its product as it makes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_that_consumes_more_than_it_makes_is_refused_rather_than_scaled_negative()
    {
        // s = 1 / (1 − 1.5) would be −2: a grid that loses more than it delivers cannot meet any demand.
        var system = new SystemBuilder()
            .Product("electricity", "kWh")
            .Process("leaky grid", makes: "electricity", p => p.Consumes("electricity", "1.5"))
            .Build();

        Assert.Throws<EngineException>(() => LcaCalculator.Calculate(system, Gwp, new Demand("electricity", 1)));
    }

    [Fact]
    public void A_loop_that_consumes_more_than_it_makes_is_refused()
    {
        // X needs 2 Y, Y needs 1 X: det [[1, −2], [−1, 1]] = 1 − 2 = −1 ≠ 0, but the solution for demand z is negative:
        // x − 2y = 1, y − x = 0 ⇒ x = y = −1.
        var system = new SystemBuilder()
            .Product("x", "kg").Product("y", "kg").Product("z", "kg")
            .Process("make z", makes: "z", p => p.Consumes("x", "1"))
            .Process("make x", makes: "x", p => p.Consumes("y", "2"))
            .Process("make y", makes: "y", p => p.Consumes("x", "1"))
            .Build();

        var e = Assert.Throws<EngineException>(() => LcaCalculator.Calculate(system, Gwp, new Demand("z", 1)));

        Assert.Contains("consumes more than it makes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_demanded_product_suggests_the_closest_ones()
    {
        var e = Assert.Throws<EngineException>(() =>
            LcaCalculator.Calculate(TrainingRunSystem.Build(), Gwp, new Demand("electricty", 1)));

        Assert.Contains("'electricty' is not in the system", e.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'electricity'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amount_that_divides_by_zero_names_the_expression_and_process()
    {
        var system = new SystemBuilder()
            .Product("request", "request").Product("electricity", "kWh")
            .Parameter("batch_energy", "2 Wh").Parameter("batch_size", "0 requests")
            .Process("serve", makes: "request", p => p.Consumes("electricity", "batch_energy / batch_size"))
            .Process("grid", makes: "electricity")
            .Build();

        var e = Assert.Throws<EngineException>(() => LcaCalculator.Calculate(system, Gwp, new Demand("request", 1)));

        Assert.Contains("'batch_energy / batch_size'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'serve'", e.Message, StringComparison.Ordinal);
        Assert.Contains("division by zero", e.Message, StringComparison.Ordinal);
    }
}
