using Cradle.Import.CodeCarbon;

namespace Cradle.Import.Tests;

/// <summary>Finds the repository's test data (tests/data) from the test's output folder.</summary>
internal static class TestData
{
    public static string Root { get; } = FindRoot();

    /// <summary>The copied CodeCarbon files (tests/data/codecarbon-emissions, README there).</summary>
    public static string CodeCarbonFolder => Path.Combine(Root, "tests", "data", "codecarbon-emissions");

    public static string CodeCarbon(string fileName) => Path.Combine(CodeCarbonFolder, fileName);

    public static CodeCarbonInput Input(string path) => new(Path.GetFileName(path), File.ReadAllBytes(path), Path.GetDirectoryName(Path.GetFullPath(path))!);

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
