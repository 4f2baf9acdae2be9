using System.CommandLine;
using Cradle.Catalog;
using Cradle.Cli.Input;

namespace Cradle.Cli.Commands;

/// <summary>The <c>--catalog FILE</c> option shared by the commands that use the reference catalog.</summary>
internal static class CatalogFilesOption
{
    public static Option<FileInfo[]> Create() => new("--catalog")
    {
        Description = "A catalog file (YAML, docs/catalog-format.md) that adds entries or overrides shipped ones by id; repeat for several.",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
        CustomParser = result => FilePaths.All(result, "--catalog"),
    };

    /// <summary>Reads the files; an unreadable one is reported and null returned.</summary>
    public static async Task<IReadOnlyList<(string Name, string Text)>?> ReadAsync(FileInfo[] files, TextWriter error)
    {
        var read = new List<(string, string)>();
        foreach (var file in files)
        {
            try
            {
                read.Add((file.ToString(), InputFile.Read(file.FullName, InputKind.Catalog)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"cradle: cannot read the catalog file '{file}': {e.Message}").ConfigureAwait(false);
                return null;
            }
        }
        return read;
    }

    /// <summary>
    /// The shipped catalog with <paramref name="files"/> added, or null with the exit code after the problem was
    /// reported: 2 for a file that cannot be read, 1 for an invalid one.
    /// </summary>
    public static async Task<(ReferenceCatalog? Catalog, int ExitCode)> LoadAsync(FileInfo[] files, TextWriter error)
    {
        var extra = await ReadAsync(files, error).ConfigureAwait(false);
        if (extra is null)
        {
            return (null, ExitCodes.Environment);
        }

        try
        {
            return (extra.Count == 0 ? CatalogLoader.Shipped : CatalogLoader.Load(extra), ExitCodes.Success);
        }
        catch (CatalogException e)
        {
            return (null, await ReportAsync(e, error).ConfigureAwait(false));
        }
    }

    /// <summary>Prints a catalog's errors; returns the exit code for invalid input.</summary>
    public static async Task<int> ReportAsync(CatalogException e, TextWriter error)
    {
        foreach (var problem in e.Problems)
        {
            await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
        }
        await error.WriteLineAsync($"cradle: the catalog has {e.Problems.Count} error(s).").ConfigureAwait(false);
        return Failures.ExitCodeOf(e);
    }
}
