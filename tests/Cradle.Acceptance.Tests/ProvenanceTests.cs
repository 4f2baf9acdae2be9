using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Cradle.Catalog;
using Cradle.Cli.Commands;
using Cradle.Studies.Assessment;

namespace Cradle.Acceptance.Tests;

/// <summary>`assess --format json` says which tool and version made the result, and from exactly which files.</summary>
public sealed class ProvenanceTests
{
    [Fact]
    public void The_hash_is_sha256_of_the_text_in_utf8()
    {
        // FIPS 180-2's first example: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ProvenanceOfResults.Sha256("abc"));
    }

    [Fact]
    public async Task Json_names_the_tool_its_version_and_the_hashes_of_the_study_and_catalog_files()
    {
        using var dir = new TempDirectory();
        var study = dir.Example();
        const string Catalog = "catalog: 1\nkind: bibliography\nentries:\n  - {key: our-audit, authors: Us, title: Our PUE audit, year: 2026, licence: CC BY 4.0}\n";
        var catalog = dir.Write("ours.yaml", Catalog);

        var run = await CliRunner.InProcessAsync("assess", study, "--format", "json", "--catalog", catalog);

        Assert.True(run.ExitCode == 0, run.Error);
        var provenance = JsonDocument.Parse(run.Output).RootElement.GetProperty("provenance");
        Assert.Equal("cradle", provenance.GetProperty("tool").GetString());
        var informational = typeof(RunProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(informational, provenance.GetProperty("version").GetString());
        // The hashes are those of the files' bytes (UTF-8 without a byte-order mark), as sha256sum gives them.
        Assert.Equal(study, provenance.GetProperty("study").GetProperty("file").GetString());
        Assert.Equal(Sha256Of(study), provenance.GetProperty("study").GetProperty("sha256").GetString());
        var bundled = provenance.GetProperty("catalog").GetProperty("bundled");
        Assert.Equal(CatalogLoader.Shipped.Version, bundled.GetProperty("version").GetString());
        Assert.Matches("^[0-9a-f]{64}$", bundled.GetProperty("sha256").GetString());
        var file = Assert.Single(provenance.GetProperty("catalog").GetProperty("files").EnumerateArray());
        Assert.Equal(catalog, file.GetProperty("file").GetString());
        Assert.Equal(Sha256Of(catalog), file.GetProperty("sha256").GetString());
    }

    [Fact]
    public void The_bundled_catalog_hash_follows_its_files_names_and_texts()
    {
        // Recomputed here from the definition (name, NUL, text, NUL per file, in name order) over the embedded files.
        var assembly = typeof(CatalogLoader).Assembly;
        const string Prefix = "Cradle.Catalog.Data.";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"catalog/{name[Prefix.Length..]}\0{reader.ReadToEnd()}\0"));
        }
        Assert.Equal(Convert.ToHexStringLower(hash.GetHashAndReset()), CatalogLoader.ShippedSha256);
    }

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
