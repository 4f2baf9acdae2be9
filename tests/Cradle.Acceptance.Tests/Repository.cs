namespace Cradle.Acceptance.Tests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Example => Path.Combine(Root, "examples", "olmo2-7b", "study.yaml");

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
