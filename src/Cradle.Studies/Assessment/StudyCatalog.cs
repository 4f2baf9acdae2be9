using Cradle.Catalog;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Assessment;

/// <summary>The catalog a study is assessed against: the shipped one, plus files given on the command line, plus the study's own.</summary>
internal static class StudyCatalog
{
    public static ReferenceCatalog Load(StudyDefinition study, IReadOnlyList<(string Name, string Text)> extraFiles, Func<string, string>? readFile)
    {
        var files = new List<(string Name, string Text)>(extraFiles);
        var problems = new ProblemList();
        foreach (var (path, location) in study.CatalogFiles)
        {
            var full = Path.IsPathRooted(path) ? path : Path.Combine(Path.GetDirectoryName(study.File) ?? "", path);
            if (readFile is null)
            {
                problems.Error("unreadable-catalog", location, "catalog", "this caller cannot read files; pass the catalog files to the assessment instead.");
                continue;
            }
            try
            {
                files.Add((full, readFile(full)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Error("unreadable-catalog", location, "catalog", $"cannot read '{full}': {e.Message}");
            }
        }
        problems.ThrowIfErrors();
        return files.Count == 0 ? CatalogLoader.Shipped : CatalogLoader.Load(files);
    }
}
