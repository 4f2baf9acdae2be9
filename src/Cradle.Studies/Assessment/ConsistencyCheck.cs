using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>One quantity that alternatives take from different sources.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Sources">Each alternative with the source it cites (or "no source") and its value in the parameter's unit.</param>
/// <param name="ChangedByAlternative">True when an alternative overrides it on purpose: a design difference, not a data one.</param>
public sealed record ConsistencyNote(string Parameter, IReadOnlyList<(string Alternative, string Source, double Value, string Unit)> Sources, bool ChangedByAlternative);

/// <summary>
/// Consistency check (ISO 14044 4.5.3.4): alternatives compared on one functional unit should differ in their design,
/// not in where their data come from. Every parameter the alternatives share but cite different sources for is listed,
/// so a reader can tell a design difference from a data difference.
/// </summary>
public static class ConsistencyCheck
{
    /// <summary>The parameters whose sources differ between <paramref name="alternatives"/>.</summary>
    public static IReadOnlyList<ConsistencyNote> Check(IReadOnlyList<(string Label, CompiledStudy Compiled)> alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        if (alternatives.Count < 2)
        {
            return [];
        }
        // Stated values only: a computed value's source is its inputs', which are checked themselves.
        var names = alternatives.SelectMany(a => a.Compiled.System.Parameters.Parameters.Where(p => p.Formula is null).Select(p => p.Name)).Distinct(StringComparer.Ordinal);
        var notes = new List<ConsistencyNote>();
        foreach (var name in names)
        {
            var cited = alternatives
                .Where(a => a.Compiled.System.Parameters.Find(name) is { Formula: null })
                .Select(a => (a.Label, Source: a.Compiled.Provenance[name].Source ?? "no source",
                    Value: a.Compiled.Values.InOwnUnit(name), Unit: a.Compiled.System.Parameters.Find(name)!.Unit.Symbol))
                .ToList();
            if (cited.Count > 1 && cited.Select(c => c.Source).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                var overridden = alternatives.Any(a => a.Compiled.Alternative?.Overrides.Any(o => o.Name == name) == true);
                notes.Add(new ConsistencyNote(name, cited, overridden));
            }
        }
        return notes;
    }
}
