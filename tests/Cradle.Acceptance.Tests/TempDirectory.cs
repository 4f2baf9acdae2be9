namespace Cradle.Acceptance.Tests;

/// <summary>A directory of its own for one test's files, deleted with everything in it when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cradle-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The full path of <paramref name="name"/> in the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/>; returns its full path.</summary>
    public string Write(string name, string text)
    {
        var file = File(name);
        System.IO.File.WriteAllText(file, text);
        return file;
    }

    /// <summary>A copy of the bundled example study, as <paramref name="name"/>.</summary>
    public string Example(string name = "study.yaml") => Write(name, System.IO.File.ReadAllText(Repository.Example));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
