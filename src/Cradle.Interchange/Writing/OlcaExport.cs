using Cradle.Studies.Compilation;

namespace Cradle.Interchange.Writing;

/// <summary>
/// Writes a study's compiled product systems as an openLCA JSON-LD package (olca-schema 2.x zip; docs/interchange.md,
/// "Exporting to openLCA"): processes, flows, flow properties, unit groups, the LCIA method(s) with their factors and
/// one product system per alternative. Ids are name-based UUIDs of Cradle's ids and the zip is written deterministically,
/// so the same study gives the same bytes.
/// </summary>
public static class OlcaExport
{
    /// <summary>Writes the package of <paramref name="alternatives"/> (every alternative of the study named <paramref name="studyName"/>).</summary>
    public static void Write(string studyName, IReadOnlyList<CompiledStudy> alternatives, Stream output) =>
        DeterministicZip.Write(OlcaPackageBuilder.Build(studyName, alternatives), output);

    /// <summary>The package's entries (path in the zip, UTF-8 JSON), the version file first, then by path.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> Entries(string studyName, IReadOnlyList<CompiledStudy> alternatives) =>
        OlcaPackageBuilder.Build(studyName, alternatives);
}
