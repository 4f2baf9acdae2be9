namespace Cradle.Server.Tests;

/// <summary>Files of the repository the tests read (examples, test data), found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository's root: the nearest folder above the tests holding Cradle.slnx.</summary>
    public static string Root { get; } = Find();

    /// <summary>A path below the root, from its parts.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Cradle.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"no Cradle.slnx above {AppContext.BaseDirectory}");
    }
}
