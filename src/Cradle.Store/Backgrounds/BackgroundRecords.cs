namespace Cradle.Store.Backgrounds;

/// <summary>A background database to keep: a Cradle background file's bytes and what its manifest says.</summary>
/// <param name="Name">The database's name, as declared at import.</param>
/// <param name="Version">The database's version, as declared at import.</param>
/// <param name="PackageSha256">The manifest's package SHA-256, 64 lower-case hex digits.</param>
/// <param name="Source">The package imported (its file or folder name).</param>
/// <param name="ImportedWith">The tool that imported it ("cradle &lt;version&gt;").</param>
/// <param name="ImportedAt">When it was imported.</param>
/// <param name="Content">The background file's bytes (a zip), exactly as <c>-o</c> would write them.</param>
public sealed record NewBackground(string Name, string Version, string PackageSha256, string Source, string ImportedWith,
    DateTimeOffset ImportedAt, byte[] Content);

/// <summary>A kept background database, without its bytes (<see cref="IBackgroundStore.GetBackgroundContent"/> reads them).</summary>
/// <param name="Name">Its name.</param>
/// <param name="Version">Its version.</param>
/// <param name="PackageSha256">The package SHA-256 from its manifest.</param>
/// <param name="Source">The package imported.</param>
/// <param name="ImportedWith">The tool that imported it.</param>
/// <param name="ImportedAt">When it was imported.</param>
/// <param name="Size">The kept file's size in bytes.</param>
public sealed record StoredBackground(string Name, string Version, string PackageSha256, string Source, string ImportedWith,
    DateTimeOffset ImportedAt, long Size);
