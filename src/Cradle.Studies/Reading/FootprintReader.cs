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

    /// <remarks><paramref name="key"/>: <c>footprint</c> for a stage, <c>footprint_per_call</c> for tool calls.</remarks>
    /// <remarks>A footprint with <c>from_background</c> is a link (<see cref="BackgroundReader"/>) for the figures it does not state; <paramref name="link"/> null refuses it.</remarks>
    public static IReadOnlyList<DeclaredFigure> Read(MappingReader stage, string? source, string key = "footprint", BackgroundLinkSite? link = null)
    {
        var figures = new List<DeclaredFigure>();
        if (!stage.Has(key))
        {
            return figures;
        }
        var path = MappingReader.Join(stage.Path, key);
        if (stage.Node(key) is not YamlMappingNode footprint || footprint.Children.Count == 0)
        {
            stage.Problems.Error("footprint-form", stage.LocationOf(key), path,
                "a footprint is a mapping of impact categories to reported figures, e.g. 'gwp100: 420 t CO2e'.");
            return figures;
        }
        var linked = BackgroundReader.IsLink(stage, key);
        foreach (var (id, location, node) in stage.Entries(key))
        {
            if (linked && BackgroundReader.LinkKeys.Contains(id))
            {
                continue;
            }
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
        if (linked)
        {
            BackgroundReader.ReadLink(stage, key, link, [.. figures.Select(f => f.IndicatorId)]);
        }
        return figures;
    }
}
