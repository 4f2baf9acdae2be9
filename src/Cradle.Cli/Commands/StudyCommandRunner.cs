using Cradle.Catalog;
using Cradle.Studies;

namespace Cradle.Cli.Commands;

/// <summary>
/// What the interpretation commands (compare, sensitivity, breakeven) share around their own work: reading the extra
/// catalog files, and turning the failures every study command can meet into messages on stderr and exit codes.
/// </summary>
internal static class StudyCommandRunner
{
    /// <summary>
    /// Reads <paramref name="catalogFiles"/>, then runs <paramref name="work"/> with them.
    /// </summary>
    /// <param name="catalogFiles">The <c>--catalog</c> files given.</param>
    /// <param name="unreadable">What to print before the system's message when a study file cannot be read.</param>
    /// <param name="error">Where messages go.</param>
    /// <param name="work">The command's own work, given the extra catalog files; returns the exit code.</param>
    /// <param name="cancellation">Cancels the reads.</param>
    public static async Task<int> RunAsync(
        FileInfo[] catalogFiles,
        string unreadable,
        TextWriter error,
        Func<IReadOnlyList<(string Name, string Text)>, Task<int>> work,
        CancellationToken cancellation)
    {
        var extra = await CatalogFilesOption.ReadAsync(catalogFiles, error, cancellation).ConfigureAwait(false);
        if (extra is null)
        {
            return ExitCodes.Environment;
        }
        try
        {
            return await work(extra).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"cradle: {unreadable}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
        catch (StudyException e)
        {
            foreach (var problem in e.Problems)
            {
                await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }
            return ExitCodes.InvalidInput;
        }
        catch (CatalogException e)
        {
            return await CatalogFilesOption.ReportAsync(e, error).ConfigureAwait(false);
        }
    }
}
