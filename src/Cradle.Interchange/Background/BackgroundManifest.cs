namespace Cradle.Interchange.Background;

/// <summary>
/// What a Cradle background file says of the openLCA package it keeps (docs/interchange.md, "Keeping a background database").
/// </summary>
/// <param name="Name">The database's name, as the user declared it at import.</param>
/// <param name="Version">The database's version, as the user declared it at import.</param>
/// <param name="Source">The package imported: its file or folder name.</param>
/// <param name="PackageSha256">Lowercase hex SHA-256 over the package's entries (<see cref="BackgroundDatabaseFile"/> says how).</param>
/// <param name="ImportedWith">The tool that imported it: "cradle &lt;version&gt;".</param>
/// <param name="ImportedAt">When it was imported, UTC.</param>
/// <param name="Schema">"openLCA 1.x" or "openLCA 2.x".</param>
/// <param name="Counts">Entities read per type (processes, flows, flow_properties, …).</param>
/// <param name="Findings">The import's findings, one line each: "code: entry, field: message".</param>
public sealed record BackgroundManifest(string Name, string Version, string Source, string PackageSha256, string ImportedWith,
    DateTimeOffset ImportedAt, string Schema, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<string> Findings);
