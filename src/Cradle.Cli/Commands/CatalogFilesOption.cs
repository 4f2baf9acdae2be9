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

    /// <summary>Prints a catalog's errors; returns the exit code for invalid input.</summary>
    public static async Task<int> ReportAsync(CatalogException e, TextWriter error)
    {
        foreach (var problem in e.Problems)
        {
            await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
        }
        await error.WriteLineAsync($"cradle: the catalog has {e.Problems.Count} error(s).").ConfigureAwait(false);
        return ExitCodes.InvalidInput;
    }
}
