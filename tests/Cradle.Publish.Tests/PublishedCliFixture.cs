namespace Cradle.Publish.Tests;

/// <summary>
/// Publishes the CLI once for every test of the "published" collection, the way the README says (<c>dotnet publish
/// src/Cradle.Cli -c Release -r linux-x64 -o DIR</c>: NativeAOT), into a temp folder that goes when they are done. One
/// publish for all: two at once would share the projects' obj folders and break each other.
/// </summary>
public sealed class PublishedCliFixture : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("cradle-publish-");

    /// <summary>The published folder.</summary>
    public string PublishDirectory => Path.Combine(folder.FullName, "cradle");

    /// <summary>The native executable.</summary>
    public string Executable => Path.Combine(PublishDirectory, "cradle");

    /// <summary>A scratch folder for the tests' output files.</summary>
    public string Scratch => folder.FullName;

    /// <summary>What <c>dotnet publish</c> printed, and its exit code.</summary>
    internal ChildProcess.Run Publish { get; private set; } = new(-1, "", "not published");

    public async Task InitializeAsync()
    {
        // The README's command; --disable-build-servers so that no MSBuild or compiler server outlives the test
        // holding its output pipes open.
        Publish = await ChildProcess.RunAsync(ChildProcess.Dotnet,
            ["publish", "src/Cradle.Cli", "-c", "Release", "-r", "linux-x64", "-o", PublishDirectory, "--disable-build-servers"],
            TimeSpan.FromMinutes(20));
    }

    /// <summary>Fails the calling test with the end of the publish log when the publish failed.</summary>
    internal void AssertPublished() =>
        Assert.True(Publish.ExitCode == 0 && File.Exists(Executable),
            $"dotnet publish exited with {Publish.ExitCode}:\n{Tail(Publish.Output)}\n{Tail(Publish.Error)}");

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];

    public Task DisposeAsync()
    {
        folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The tests that run the published binary: one collection, so they share one publish and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedBuild : ICollectionFixture<PublishedCliFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "published";
}
