using Cradle.Studies.Definition;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Studies.Reading;

/// <summary>Reads user parameters and alternatives.</summary>
internal static class ParameterReader
{
    public static IReadOnlyList<ParameterEntry> ReadParameters(MappingReader parent, string key)
    {
        var entries = new List<ParameterEntry>();
        foreach (var (name, location, value) in parent.Entries(key))
        {
            var path = $"{MappingReader.Join(parent.Path, key)}.{name}";
            if (!Core.Parameters.ParameterDefinition.IsValidName(name))
            {
                parent.Problems.Error("invalid-name", location, path,
                    "parameter names are letters, digits, '_' and '.', starting with a letter or '_' (they are used in expressions).");
                continue;
            }
            string? unit = null;
            SourceLocation? unitLocation = null;
            string? description = null;
            Datum? datum;
            if (value is YamlMappingNode mapping)
            {
                var reader = new MappingReader(mapping, path, parent.File, parent.Problems, [.. DatumReader.Keys, "unit", "description"], "a parameter");
                unit = reader.Text("unit");
                unitLocation = reader.Has("unit") ? reader.LocationOf("unit") : null;
                description = reader.Text("description");
                datum = DatumReader.FromMapping(reader, null);
            }
            else
            {
                datum = DatumReader.Read(value, path, parent.File, parent.Problems, null, []);
            }
            if (datum is not null)
            {
                entries.Add(new ParameterEntry(name, datum, unit, unitLocation, description));
            }
        }
        return entries;
    }

    public static IReadOnlyList<AlternativeDefinition> ReadAlternatives(MappingReader study)
    {
        var alternatives = new List<AlternativeDefinition>();
        foreach (var (id, location, node) in study.EntryMappings("alternatives", "'description', 'parameters', 'conventions' and 'delivers'"))
        {
            var a = new MappingReader(node, $"alternatives.{id}", study.File, study.Problems, ["description", "parameters", "conventions", "delivers"], "an alternative");
            alternatives.Add(new AlternativeDefinition(id, a.Text("description"), ReadParameters(a, "parameters"), location)
            {
                Conventions = ConventionReader.ReadSettings(a),
                Delivers = DeliveryReader.Read(a),
            });
        }
        return alternatives;
    }
}
