namespace Cradle.Measure.Sysfs;

/// <summary>
/// Reads small text files under an injected sysfs root. The seam lets tests simulate failures that a root user cannot
/// provoke with file modes (EACCES on <c>energy_uj</c>).
/// </summary>
public interface ISysfsReader
{
    /// <summary>The whole text of the file at <paramref name="path"/>.</summary>
    /// <exception cref="UnauthorizedAccessException">Permission denied (EACCES).</exception>
    /// <exception cref="IOException">Missing file or another I/O error.</exception>
    string ReadAllText(string path);
}

/// <summary>Reads real files.</summary>
public sealed class FileSysfsReader : ISysfsReader
{
    /// <summary>The one instance; it has no state.</summary>
    public static FileSysfsReader Instance { get; } = new();

    /// <inheritdoc/>
    public string ReadAllText(string path) => File.ReadAllText(path);
}
