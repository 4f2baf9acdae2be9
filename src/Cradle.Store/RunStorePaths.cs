namespace Cradle.Store;

/// <summary>
/// Where the run store lives by default: on Linux $XDG_DATA_HOME/cradle/runs.db when XDG_DATA_HOME is set to an
/// absolute path, else ~/.local/share/cradle/runs.db (the XDG base directory rule); on Windows and macOS the
/// user's local application data folder (%LOCALAPPDATA%\cradle\runs.db, ~/Library/Application Support/cradle/runs.db).
/// </summary>
public static class RunStorePaths
{
    /// <summary>The file name of the store inside its folder.</summary>
    public const string FileName = "runs.db";

    /// <summary>The default store path for the current user on this machine.</summary>
    public static string DefaultDatabasePath() => DefaultDatabasePath(
        OperatingSystem.IsLinux(),
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData));

    /// <summary>The default store path from the given environment (for tests and other platforms' rules).</summary>
    /// <param name="isLinux">Apply the XDG rule.</param>
    /// <param name="environment">Reads an environment variable; null when unset.</param>
    /// <param name="home">The user's home folder.</param>
    /// <param name="localApplicationData">The local application data folder (used when not on Linux).</param>
    public static string DefaultDatabasePath(
        bool isLinux, Func<string, string?> environment, string home, string localApplicationData)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!isLinux)
        {
            return Path.Combine(localApplicationData, "cradle", FileName);
        }

        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        var xdg = environment("XDG_DATA_HOME");
        var dataHome = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(home, ".local", "share");
        return Path.Combine(dataHome, "cradle", FileName);
    }
}
