using Cradle.Studies.Definition;

namespace Cradle.Studies.Compilation;

/// <summary>
/// The field path a user wrote for a generated parameter name. Inline inputs are named after their place in the file
/// with '-' turned into '_' so expressions can use them ("stages.pre_training.energy"); problems name the field as
/// written ("stages.pre-training.energy"), as the reader's own problems (unknown keys, missing fields) do.
/// </summary>
internal sealed class FieldPaths
{
    // Generated prefix ("stages.pre_training.") → written prefix ("stages.pre-training."), longest first so that an id
    // containing '.' is matched whole.
    private readonly List<(string Generated, string Written)> _prefixes;

    public FieldPaths(StudyDefinition study)
    {
        var sections = new (string Section, IEnumerable<string> Ids)[]
        {
            ("devices", study.Devices.Select(d => d.Id)),
            ("hardware", study.Hardware.Select(h => h.Id)),
            ("grids", study.Grids.Select(g => g.Id)),
            ("sites", study.Sites.Select(s => s.Id)),
            ("stages", study.Stages.Select(s => s.Id)),
            ("inference.fleets", study.Inference?.Fleets.Select(f => f.Id) ?? []),
        };
        _prefixes = sections
            .SelectMany(s => s.Ids.Select(id => (Generated: ParameterCollector.NameFor(s.Section, id) + ".", Written: $"{s.Section}.{id}.")))
            .Where(p => p.Generated != p.Written)
            .OrderByDescending(p => p.Generated.Length)
            .ToList();
    }

    /// <summary>The written path of <paramref name="parameterName"/>; a user parameter's name is its own path.</summary>
    public string Of(string parameterName)
    {
        foreach (var (generated, written) in _prefixes)
        {
            if (parameterName.StartsWith(generated, StringComparison.Ordinal))
            {
                return written + parameterName[generated.Length..];
            }
        }
        return parameterName;
    }
}
