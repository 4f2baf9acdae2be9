using System.Reflection;

namespace Cradle.Publish.Tests;

/// <summary>Finds the repository and the framework-dependent build of the CLI from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The example, as the README names it (relative to the root, so both builds print the same path).</summary>
    public const string Example = "examples/olmo2-7b/study.yaml";

    /// <summary>The build configuration of these tests, and so of the CLI built with them.</summary>
    public static string Configuration { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value ?? "Release";

    /// <summary>The framework-dependent build: what <c>dotnet build</c> and <c>dotnet run</c> run.</summary>
    public static string FrameworkDependentDll => Path.Combine(Root, "src", "Cradle.Cli", "bin", Configuration, "net10.0", "cradle.dll");

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
