using System.CommandLine;
using System.CommandLine.Parsing;
using Cradle.Store;
using Cradle.Store.Postgres;

namespace Cradle.Cli.Commands;

/// <summary>
/// The <c>--store</c> option: a SQLite file path or a postgres:// URI. When not given, the store comes from
/// $CRADLE_STORE, else the config file (~/.config/cradle/store), else the user's SQLite file
/// (<see cref="RunStoreLocation"/>; docs/run-store.md).
/// </summary>
internal static class StoreOption
{
    private const string Where =
        "A SQLite file or a PostgreSQL server (postgres://user@host:port/database; docs/run-store.md). Default: $CRADLE_STORE, " +
        "else the one line of ~/.config/cradle/store, else the user's file ($XDG_DATA_HOME/cradle/runs.db, else " +
        "~/.local/share/cradle/runs.db on Linux).";

    /// <summary>The <c>--store</c> option of the study commands: where values written <c>from_run</c> are read.</summary>
    public static Option<string?> Create() => new("--store")
    {
        Description = "The run store that values written 'from_run: ID', and background databases named 'store: NAME', are read from; opened only when the study uses one. " + Where,
        HelpName = "PATH|URI",
        CustomParser = result => One(result, "--store"),
    };

    /// <summary>The <c>--store</c> option of <c>cradle measure</c> and <c>cradle runs</c>.</summary>
    public static Option<string?> ForRuns() => new("--store")
    {
        Description = "The run store. " + Where,
        HelpName = "PATH|URI",
        CustomParser = result => One(result, "--store"),
    };

    /// <summary>The store to use: the value given, else the environment, the config file or the default file.</summary>
    /// <exception cref="StoreException">The config file is unreadable or names no store or several.</exception>
    public static ResolvedStoreLocation Resolve(string? given) => RunStoreLocation.Resolve(given);

    /// <summary>How the store is named in messages: a URI with its password masked, a path made absolute.</summary>
    public static string Display(string location) => RunStores.Display(location);

    // As FilePaths.One: an empty value or a NUL character is a parse error naming the option.
    private static string? One(ArgumentResult result, string name)
    {
        string? value = null;
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length == 0)
            {
                result.AddError($"{name} expects a file path or a postgres:// URI; got an empty one.");
            }
            else if (token.Value.Contains('\0', StringComparison.Ordinal))
            {
                result.AddError($"{name} expects a file path or a postgres:// URI; the value contains a NUL character.");
            }
            else
            {
                value = RunStores.IsPostgres(token.Value) ? token.Value : Path.GetFullPath(token.Value);
            }
        }

        return value;
    }
}
