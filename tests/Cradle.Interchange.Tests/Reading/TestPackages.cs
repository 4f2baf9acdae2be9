namespace Cradle.Interchange.Tests.Reading;

/// <summary>The openLCA JSON-LD test data (tests/data/openlca-jsonld, README there) and scratch folders for broken copies.</summary>
internal static class TestPackages
{
    public static readonly string Root = FindRoot();

    public static string Data(params string[] parts) => Path.Combine([Root, "tests", "data", "openlca-jsonld", .. parts]);

    public static string Beef => Data("bw2io_beef-cattle-finishing");

    public static string UsFpl => Data("bw2io_US-FPL");

    /// <summary>A fresh copy of a folder package under a temporary folder, to break one file of.</summary>
    public static string CopyToTemp(string package)
    {
        var target = Path.Combine(Path.GetTempPath(), "cradle-olca-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(package, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(package, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cradle.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Cradle.slnx not found above the test binaries.");
    }
}
