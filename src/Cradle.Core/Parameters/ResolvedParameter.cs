using Cradle.Core.Expressions;
using Cradle.Core.Units;

namespace Cradle.Core.Parameters;

/// <summary>A parameter after resolution: its slot, the unit it is shown in, and its compiled expression if any.</summary>
/// <param name="Definition">What the user wrote.</param>
/// <param name="Slot">Its index in every value vector of the table.</param>
/// <param name="Unit">The declared unit, or the preferred unit of the inferred dimension.</param>
/// <param name="Formula">The compiled expression, or null for a value parameter.</param>
public sealed record ResolvedParameter(ParameterDefinition Definition, int Slot, Unit Unit, CompiledExpression? Formula)
{
    /// <summary>The parameter's name.</summary>
    public string Name => Definition.Name;
}
