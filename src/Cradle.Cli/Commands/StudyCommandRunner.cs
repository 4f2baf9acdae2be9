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
    /// <param name="error">Where messages go.</param>
    /// <param name="work">The command's own work, given the extra catalog files; returns the exit code.</param>
    /// <param name="cancellation">Cancels the reads.</param>
    public static async Task<int> RunAsync(
        FileInfo[] catalogFiles,
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
        catch (UnreadableStudyException e)
        {
            await error.WriteLineAsync($"cradle: cannot read the study file '{e.File}': {e.Message}").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
        catch (IOException e)
        {
            // Reading is handled above, so this is the output (a full disk, a closed pipe).
            await error.WriteLineAsync($"cradle: cannot write the output: {e.Message}").ConfigureAwait(false);
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
        catch (Core.Engine.EngineException e)
        {
            return await ReportEngineAsync(null, e, error).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The study's numbers make a model that cannot be solved (an amount that is NaN or infinite, a process that
    /// consumes all it makes), found by the engine rather than the reader: the study's error, not Cradle's.
    /// </summary>
    public static async Task<int> ReportEngineAsync(FileInfo? study, Core.Engine.EngineException e, TextWriter error)
    {
        await error.WriteLineAsync($"cradle: {(study is null ? "" : $"{study}: ")}{e.Message}").ConfigureAwait(false);
        await error.WriteLineAsync("cradle: nothing was assessed; check the inputs named above and their uncertainties.").ConfigureAwait(false);
        return ExitCodes.InvalidInput;
    }

    /// <summary>Reads a study file; a failure is reported as the study's, apart from failures to write the output.</summary>
    public static async Task<string> ReadStudyAsync(FileInfo file, CancellationToken cancellation)
    {
        try
        {
            return await File.ReadAllTextAsync(file.FullName, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableStudyException(file.ToString(), e);
        }
    }

    private sealed class UnreadableStudyException(string file, Exception inner) : Exception(inner.Message, inner)
    {
        public string File { get; } = file;
    }
}
