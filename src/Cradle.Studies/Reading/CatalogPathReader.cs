using Cradle.Syntax;

namespace Cradle.Studies.Reading;

/// <summary>
/// The study's own <c>catalog:</c> list: paths of catalog files, relative to the study. An empty path would name the
/// study's folder and a control character no file a person meant, so both are refused here, at the entry, rather
/// than as an unreadable file later.
/// </summary>
internal static class CatalogPathReader
{
    public static IReadOnlyList<(string Value, SourceLocation Location)> Read(MappingReader study)
    {
        var paths = study.StringList("catalog");
        var kept = new List<(string, SourceLocation)>(paths.Count);
        foreach (var (path, location) in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                study.Problems.Error("invalid-path", location, "catalog", "expected the path of a catalog file (relative to the study), found an empty text.");
            }
            else if (path.Any(char.IsControl))
            {
                study.Problems.Error("invalid-path", location, "catalog",
                    "the path contains a control character (a NUL, a tab, an escape); expected the path of a catalog file.");
            }
            else
            {
                kept.Add((path, location));
            }
        }
        return kept;
    }
}
