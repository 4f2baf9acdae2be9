using Cradle.Core.Expressions;
using Cradle.Core.Parameters;

namespace Cradle.Studies.Compilation;

/// <summary>
/// The provenance of a value computed from others, when the study does not state it: anything that passes through
/// a modelled input is modelled; otherwise a measurement scaled by declared figures (a PUE, a count of prompts) is
/// still measured; values from declared figures alone are declared.
/// A plain reference to another parameter takes that parameter's provenance and source.
/// </summary>
internal static class ProvenancePropagation
{
    public static Dictionary<string, Provenance> Effective(ParameterTable table, IReadOnlySet<string> derived)
    {
        var effective = new Dictionary<string, Provenance>(StringComparer.Ordinal);
        foreach (var parameter in table.Parameters) // slot order: inputs before the values computed from them
        {
            var definition = parameter.Definition;
            if (definition.Expression is null || !derived.Contains(parameter.Name))
            {
                effective[parameter.Name] = definition.Provenance;
                continue;
            }
            var references = ExpressionNames.References(ExpressionParser.Parse(definition.Expression))
                .Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
            if (references.Count == 1 && definition.Expression.Trim() == references[0])
            {
                var referenced = effective[references[0]];
                effective[parameter.Name] = referenced with { Note = definition.Provenance.Note };
                continue;
            }
            var origins = references.Select(r => effective[r].Origin).ToList();
            var origin = origins.Contains(DataOrigin.Modelled) ? DataOrigin.Modelled
                : origins.Contains(DataOrigin.Measured) ? DataOrigin.Measured
                : DataOrigin.Declared;
            effective[parameter.Name] = new Provenance(origin, definition.Provenance.Source, definition.Provenance.Note);
        }
        return effective;
    }
}
