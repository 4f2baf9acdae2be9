using Cradle.Core.Parameters;
using Cradle.Syntax;

namespace Cradle.Studies.Definition;

/// <summary>
/// A numeric input as written in the study: a quantity ("131 MWh"), a pure number ("1.2") or an expression over
/// parameters ("training_gpu_energy * 0.5"), with where it was written and how it was obtained.
/// </summary>
/// <param name="Text">The value text.</param>
/// <param name="Location">Where the value text starts.</param>
/// <param name="Origin">Measured, declared or modelled, when the study says; otherwise inferred (declared for a value, modelled for an expression).</param>
/// <param name="Source">The citation given for it, or inherited from the enclosing entry.</param>
/// <param name="Note">A note from the study.</param>
public sealed record Datum(string Text, SourceLocation Location, DataOrigin? Origin = null, string? Source = null, string? Note = null)
{
    /// <summary>How uncertain the value is, or null for a value taken as exact.</summary>
    public UncertaintyDefinition? Uncertainty { get; init; }
}
