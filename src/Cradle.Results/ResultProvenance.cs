namespace Cradle.Results;

/// <summary>
/// Where a result came from, so that it can be traced and re-run: the tool and its version, and the SHA-256 of the
/// study file and of every catalog file used (the bundled catalog by its version and one hash of its files' contents).
/// </summary>
/// <param name="Tool">The tool's name ("cradle").</param>
/// <param name="Version">The tool's version (the assembly's informational version, e.g. "0.9.0+3f2a1c").</param>
/// <param name="Study">The study file and the hash of its bytes.</param>
/// <param name="BundledCatalogVersion">The version of the catalog shipped with the tool.</param>
/// <param name="BundledCatalogSha256">
/// SHA-256 (64 lower-case hex digits) over the bundled catalog's files: each file's name and text, in name order.
/// </param>
/// <param name="CatalogFiles">Catalog files read besides the bundled one (--catalog, the study's <c>catalog:</c>).</param>
public sealed record ResultProvenance(
    string Tool, string Version, FileHash Study, string BundledCatalogVersion, string BundledCatalogSha256, IReadOnlyList<FileHash> CatalogFiles);

/// <summary>A file and the SHA-256 of its bytes.</summary>
/// <param name="File">The file, as named on the command line or in the study.</param>
/// <param name="Sha256">SHA-256 of its bytes, 64 lower-case hex digits.</param>
public sealed record FileHash(string File, string Sha256);
