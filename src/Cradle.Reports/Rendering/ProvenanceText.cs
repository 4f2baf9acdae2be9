using Cradle.Results;

namespace Cradle.Reports.Rendering;

/// <summary>
/// The results' provenance in words, for the reports' references and the model card: the tool and version, the study
/// file and the catalogs with their SHA-256, so that a reader can check the inputs and re-run the assessment.
/// </summary>
internal static class ProvenanceText
{
    /// <summary>The sentence that says what the items are for.</summary>
    public const string Lead = "These results can be traced and re-run: the same tool version on the same study and catalog files (same hashes) "
        + "gives the same figures, and the same Monte Carlo draws with the same seed and number of draws.";

    /// <summary>One line per item (label, text), unescaped; hashes are 64 lower-case hex digits.</summary>
    public static IReadOnlyList<(string Label, string Text)> Items(ResultProvenance p) =>
    [
        ("Tool", $"{p.Tool} {p.Version}"),
        ("Study", $"{p.Study.File}, SHA-256 {p.Study.Sha256}"),
        ("Bundled catalog", $"{p.BundledCatalogVersion}, SHA-256 {p.BundledCatalogSha256}"),
        .. p.CatalogFiles.Select(f => ("Catalog file", $"{f.File}, SHA-256 {f.Sha256}")),
    ];
}
