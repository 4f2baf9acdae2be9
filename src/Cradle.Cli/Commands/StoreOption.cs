using System.CommandLine;
using Cradle.Store;

namespace Cradle.Cli.Commands;

/// <summary>The <c>--store PATH</c> option of the study commands: where values written <c>from_run</c> are read.</summary>
internal static class StoreOption
{
    public static Option<FileInfo?> Create() => new("--store")
    {
        Description = "The run store that values written 'from_run: ID' are read from (docs/run-store.md); opened only when the study " +
            "uses one. Default: the user's store ($XDG_DATA_HOME/cradle/runs.db, else ~/.local/share/cradle/runs.db on Linux).",
        HelpName = "PATH",
        CustomParser = result => FilePaths.One(result, "--store"),
    };

    /// <summary>The <c>--store PATH</c> option of <c>cradle measure</c> and <c>cradle runs</c>.</summary>
    public static Option<FileInfo?> ForRuns() => new("--store")
    {
        Description = "The run store (a SQLite file, docs/run-store.md). Default: the user's store ($XDG_DATA_HOME/cradle/runs.db, " +
            "else ~/.local/share/cradle/runs.db on Linux).",
        HelpName = "PATH",
        CustomParser = result => FilePaths.One(result, "--store"),
    };

    /// <summary>The path given, or the default store's.</summary>
    public static string PathOf(FileInfo? given) => given?.FullName ?? RunStorePaths.DefaultDatabasePath();
}
