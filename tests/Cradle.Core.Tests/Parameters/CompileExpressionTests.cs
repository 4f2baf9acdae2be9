using Cradle.Core.Expressions;
using Cradle.Core.Parameters;
using Cradle.Core.Units;
using static Cradle.Core.Tests.Parameters.Definitions;

namespace Cradle.Core.Tests.Parameters;

public class CompileExpressionTests
{
    private static readonly ParameterTable Table = ParameterResolver.Resolve(
        [Value("gpu_energy", "0.3 Wh"), Value("requests_per_batch", "8 requests")]);

    private static readonly Dimension EnergyPerRequest = Dimension.Energy / Dimension.Of(BaseDimension.Request);

    [Fact]
    public void An_exchange_amount_compiles_against_the_table_slots()
    {
        // 0.3 Wh / 8 requests = 0.0375 Wh/request = 135 J/request
        var amount = Table.CompileExpression("gpu_energy / requests_per_batch", EnergyPerRequest, "input of electricity");

        Assert.Equal(135, amount.Evaluate(Table.Evaluate().Slots), 1e-12);
    }

    [Fact]
    public void A_wrong_dimension_names_the_needed_dimension_and_its_unit()
    {
        var e = Assert.Throws<ExpressionException>(() =>
            Table.CompileExpression("gpu_energy", EnergyPerRequest, "input of electricity to inference"));

        Assert.StartsWith("input of electricity to inference:", e.Message, StringComparison.Ordinal);
        Assert.Contains("energy per request (kWh/request)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_suggests_the_closest_parameter()
    {
        // "2 * gpu_enrgy": the name starts at offset 4
        var e = Assert.Throws<ExpressionException>(() =>
            Table.CompileExpression("2 * gpu_enrgy", Dimension.Energy, "flow"));

        Assert.Equal(4, e.Position);
        Assert.Contains("did you mean 'gpu_energy'", e.Message, StringComparison.Ordinal);
    }
}
