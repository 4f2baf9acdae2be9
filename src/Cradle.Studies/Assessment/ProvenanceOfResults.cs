using System.Security.Cryptography;
using System.Text;
using Cradle.Catalog;
using Cradle.Results;

namespace Cradle.Studies.Assessment;

/// <summary>Where a result came from: the tool and its version, and the hashes of the study and catalog files read.</summary>
public static class ProvenanceOfResults
{
    /// <summary>
    /// The provenance of assessing <paramref name="studyText"/> (read from <paramref name="studyFile"/>) with
    /// <paramref name="catalogFiles"/> (name and text: --catalog, then the study's own, in the order read) on top of
    /// the bundled catalog. A file read twice (a study compiled twice) is listed once.
    /// </summary>
    public static ResultProvenance Of(
        string tool, string version, string studyFile, string studyText, IEnumerable<(string Name, string Text)> catalogFiles)
    {
        ArgumentNullException.ThrowIfNull(studyText);
        ArgumentNullException.ThrowIfNull(catalogFiles);
        return new ResultProvenance(tool, version, new FileHash(studyFile, Sha256(studyText)),
            CatalogLoader.Shipped.Version, CatalogLoader.ShippedSha256,
            catalogFiles.Select(f => new FileHash(f.Name, Sha256(f.Text))).Distinct().ToList());
    }

    /// <summary>
    /// SHA-256 (64 lower-case hex digits) of the text as read, in UTF-8: the file's own hash (sha256sum) for a UTF-8 file
    /// without a byte-order mark, which is how study and catalog files are written.
    /// </summary>
    public static string Sha256(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
