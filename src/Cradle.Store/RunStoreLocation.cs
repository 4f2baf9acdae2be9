namespace Cradle.Store;

/// <summary>Which store a command uses, and what decided it (shown when the store cannot be opened).</summary>
/// <param name="Location">A file path (SQLite) or a postgres:// URI (PostgreSQL); may carry a password, so print it
/// only masked.</param>
/// <param name="Source">What gave it: "--store", "CRADLE_STORE", "config file PATH" or "default".</param>
public sealed record ResolvedStoreLocation(string Location, string Source);

/// <summary>
/// Where the run store is, in this order: the <c>--store</c> value; else the environment variable
/// <see cref="EnvironmentVariable"/>; else the one line of the config file (<see cref="ConfigFilePath(bool, Func{string, string?}, string, string)"/>);
/// else the user's SQLite file (<see cref="RunStorePaths"/>). Each may be a file path or a postgres:// URI.
/// </summary>
public static class RunStoreLocation
{
    /// <summary>The environment variable that names the store when <c>--store</c> is not given.</summary>
    public const string EnvironmentVariable = "CRADLE_STORE";

    /// <summary>The store for this process: its environment, home and config file.</summary>
    /// <param name="given">The <c>--store</c> value; null when not given.</param>
    /// <exception cref="StoreException">The config file cannot be read or does not hold exactly one location
    /// (code <c>bad-store-config</c>).</exception>
    public static ResolvedStoreLocation Resolve(string? given)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Resolve(given, Environment.GetEnvironmentVariable,
            ConfigFilePath(OperatingSystem.IsLinux(), Environment.GetEnvironmentVariable, home,
                Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData)),
            RunStorePaths.DefaultDatabasePath);
    }

    /// <summary>The store from the given sources (for tests).</summary>
    /// <param name="given">The <c>--store</c> value; null when not given.</param>
    /// <param name="environment">Reads an environment variable; null when unset.</param>
    /// <param name="configFile">The config file's path; it need not exist.</param>
    /// <param name="defaultPath">The default SQLite file, asked for only when nothing else names a store.</param>
    /// <exception cref="StoreException">The config file cannot be read or does not hold exactly one location.</exception>
    public static ResolvedStoreLocation Resolve(string? given, Func<string, string?> environment, string configFile, Func<string> defaultPath)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(defaultPath);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new(given.Trim(), "--store");
        }

        if (environment(EnvironmentVariable) is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new(fromEnvironment.Trim(), EnvironmentVariable);
        }

        return ReadConfigFile(configFile) is { } fromFile
            ? new(fromFile, $"config file {configFile}")
            : new(defaultPath(), "default");
    }

    /// <summary>The config file: on Linux $XDG_CONFIG_HOME/cradle/store when XDG_CONFIG_HOME is absolute, else
    /// ~/.config/cradle/store; elsewhere the roaming application data folder's cradle/store.</summary>
    /// <param name="isLinux">Apply the XDG rule.</param>
    /// <param name="environment">Reads an environment variable; null when unset.</param>
    /// <param name="home">The user's home folder.</param>
    /// <param name="applicationData">The application data folder (used when not on Linux).</param>
    public static string ConfigFilePath(bool isLinux, Func<string, string?> environment, string home, string applicationData)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!isLinux)
        {
            return Path.Combine(applicationData, "cradle", "store");
        }

        var xdg = environment("XDG_CONFIG_HOME");
        var configHome = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? xdg : Path.Combine(home, ".config");
        return Path.Combine(configHome, "cradle", "store");
    }

    // One location on one line; blank lines and lines starting with # are ignored. Two locations are refused rather
    // than one picked: a team file edited by hand must not silently point elsewhere.
    private static string? ReadConfigFile(string path)
    {
        string[] lines;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException("bad-store-config", $"Cannot read the store config file {path}: {e.Message}", e);
        }

        var values = lines.Select((text, index) => (Text: text.Trim(), Line: index + 1))
            .Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#'))
            .ToList();
        return values.Count switch
        {
            0 => throw new StoreException("bad-store-config",
                $"The store config file {path} names no store: write one line, a file path or postgres://user@host:port/database."),
            1 => values[0].Text,
            _ => throw new StoreException("bad-store-config",
                $"The store config file {path} names {values.Count} stores (lines {string.Join(", ", values.Select(v => v.Line))}); " +
                "keep one line (comments start with #)."),
        };
    }
}
