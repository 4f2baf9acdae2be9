using System.Text.Json;
using Cradle.Interchange.Writing;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;

namespace Cradle.Interchange.Tests.Writing;

/// <summary>The bundled OLMo 2 7B example, compiled and exported once for the tests that read its package.</summary>
internal static class ExportedExample
{
    private static readonly Lazy<(string Name, IReadOnlyList<CompiledStudy> Alternatives)> Compiled = new(Compile);
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Package = new(Read);

    public static string Root { get; } = FindRoot();

    public static string StudyName => Compiled.Value.Name;

    public static IReadOnlyList<CompiledStudy> Alternatives => Compiled.Value.Alternatives;

    /// <summary>Every entry of the package but the version file, parsed, by path.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Entities => Package.Value;

    public static IReadOnlyList<(string Path, byte[] Content)> Entries() => OlcaExport.Entries(StudyName, Alternatives);

    public static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        OlcaExport.Write(StudyName, Alternatives, buffer);
        return buffer.ToArray();
    }

    /// <summary>The olca-schema example of a type, e.g. "process".</summary>
    public static JsonElement SchemaExample(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "tests", "data", "openlca-jsonld", "olca-schema_examples", file + ".json"))).RootElement;

    /// <summary>Compiles and exports another bundled example, e.g. "reasoning-vs-training".</summary>
    public static (IReadOnlyDictionary<string, JsonElement> Entities, IReadOnlyList<CompiledStudy> Alternatives) Export(string example)
    {
        var (name, alternatives) = Compile(example);
        var entities = OlcaExport.Entries(name, alternatives).Where(e => e.Path != "olca-schema.json")
            .ToDictionary(e => e.Path, e => JsonDocument.Parse(e.Content).RootElement, StringComparer.Ordinal);
        return (entities, alternatives);
    }

    private static (string, IReadOnlyList<CompiledStudy>) Compile() => Compile("olmo2-7b");

    /// <summary>Compiles a bundled example (its folder under examples/) as <c>cradle assess</c> does.</summary>
    public static (string Name, IReadOnlyList<CompiledStudy> Alternatives) Compile(string example)
    {
        var path = Path.Combine(Root, "examples", example, "study.yaml");
        var (study, alternatives, _) = StudyAssessor.Compile(File.ReadAllText(path), path, [], file => File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, file)));
        return (study.Name, alternatives);
    }

    private static Dictionary<string, JsonElement> Read() =>
        Entries().Where(e => e.Path != "olca-schema.json")
            .ToDictionary(e => e.Path, e => JsonDocument.Parse(e.Content).RootElement, StringComparer.Ordinal);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cradle.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Cannot find Cradle.slnx above " + AppContext.BaseDirectory);
    }
}
