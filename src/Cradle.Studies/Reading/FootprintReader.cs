using Cradle.Studies.Definition;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Studies.Reading;

/// <summary>
/// Reads a stage's declared footprint: indicator id → a figure (a quantity, or a mapping with value, source, note,
/// uncertainty and, for carbon, the accounting basis the source used).
/// </summary>
internal static class FootprintReader
{
    private static readonly string[] Bases = ["location-based", "market-based"];

    public static IReadOnlyList<DeclaredFigure> Read(MappingReader stage, string? source)
    {
        var figures = new List<DeclaredFigure>();
        if (!stage.Has("footprint"))
        {
            return figures;
        }
        var path = MappingReader.Join(stage.Path, "footprint");
        if (stage.Node("footprint") is not YamlMappingNode footprint || footprint.Children.Count == 0)
        {
            stage.Problems.Error("footprint-form", stage.LocationOf("footprint"), path,
                "a footprint is a mapping of impact categories to reported figures, e.g. 'gwp100: 420 t CO2e'.");
            return figures;
        }
        foreach (var (id, location, node) in stage.Entries("footprint"))
        {
            var field = $"{path}.{id}";
            string? basis = null;
            Datum? datum;
            if (node is YamlMappingNode mapping)
            {
                var m = new MappingReader(mapping, field, stage.File, stage.Problems, [.. DatumReader.Keys, "basis"], "a declared figure");
                basis = m.Choice("basis", Bases);
                datum = DatumReader.FromMapping(m, source);
            }
            else
            {
                datum = DatumReader.Read(node, field, stage.File, stage.Problems, source, []);
            }
            if (datum is null)
            {
                continue;
            }
            // The basis travels in the note, so the inputs table shows it next to the source that states it.
            var note = basis is null ? datum.Note : datum.Note is null ? basis : $"{datum.Note}; {basis}";
            figures.Add(new DeclaredFigure(id, datum with { Note = note }, basis, location));
        }
        return figures;
    }
}
