using Cradle.Core.Parameters;
using Cradle.Core.Units;

namespace Cradle.Core.Tests.Parameters;

/// <summary>Short ways to write parameter definitions in tests.</summary>
internal static class Definitions
{
    private static readonly Provenance Declared = new(DataOrigin.Declared, "unit test");
    private static readonly Provenance Modelled = new(DataOrigin.Modelled);

    public static ParameterDefinition Value(string name, string quantity) =>
        ParameterDefinition.FromValue(name, Quantity.Parse(quantity), Declared);

    public static ParameterDefinition Formula(string name, string expression, string? unit = null) =>
        ParameterDefinition.FromExpression(name, expression, unit is null ? null : UnitParser.Parse(unit), Modelled);

    public static ParameterException Problems(params ParameterDefinition[] definitions) =>
        Assert.Throws<ParameterException>(() => ParameterResolver.Resolve(definitions));
}
