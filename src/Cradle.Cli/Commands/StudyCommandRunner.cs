using Cradle.Catalog;
using Cradle.Cli.Input;
using Cradle.Runs;
using Cradle.Studies.Assessment;
using Cradle.Studies;

namespace Cradle.Cli.Commands;

/// <summary>
/// What the study commands (assess, compare, sensitivity, breakeven) share around their own work: refusing an output
/// file that is one of the inputs, reading the extra catalog files and the studies, and turning the failures every
/// study command can meet into messages on stderr and exit codes.
/// </summary>
internal static class StudyCommandRunner
{
    /// <summary>
    /// Checks <paramref name="outputFile"/>, reads <paramref name="catalogFiles"/>, then runs <paramref name="work"/> with them.
    /// </summary>
    /// <param name="studies">The study files given, named in messages.</param>
    /// <param name="catalogFiles">The <c>--catalog</c> files given.</param>
    /// <param name="outputFile">The <c>--output</c> file, or null.</param>
    /// <param name="store">The <c>--store</c> run store, or null for the default one; opened only if a study reads a run.</param>
    /// <param name="error">Where messages go.</param>
    /// <param name="work">
    /// The command's own work, given the extra catalog files and the way to write its results; returns the exit code.
    /// </param>
    public static async Task<int> RunAsync(
        IReadOnlyList<FileInfo> studies,
        FileInfo[] catalogFiles,
        FileInfo? outputFile,
        string? store,
        TextWriter error,
        Func<StudyRun, Task<int>> work)
    {
        if (OutputFile.Clash(outputFile, "--output", [.. studies, .. catalogFiles]) is { } clash)
        {
            await error.WriteLineAsync(clash).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        var extra = await CatalogFilesOption.ReadAsync(catalogFiles, error).ConfigureAwait(false);
        if (extra is null)
        {
            return ExitCodes.Environment;
        }
        try
        {
            using var runs = new Cradle.Runs.StoreRunSource(store);
            return await work(new StudyRun(extra, outputFile, runs, runs.Backgrounds)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UnreadableStudyException or OutputClashException or SamplingTooLargeException or StudyException
            or CatalogException or Core.Engine.EngineException)
        {
            await ReportAsync(e, studies, error).ConfigureAwait(false);
            return Failures.ExitCodeOf(e);
        }
    }

    /// <summary>What the user reads about a failure every study command can meet (its exit code: <see cref="Failures"/>).</summary>
    private static async Task ReportAsync(Exception failure, IReadOnlyList<FileInfo> studies, TextWriter error)
    {
        switch (failure)
        {
            case UnreadableStudyException e:
                await error.WriteLineAsync($"cradle: cannot read the study file '{e.File}': {e.Message}").ConfigureAwait(false);
                break;
            case OutputClashException e:
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
                break;
            case SamplingTooLargeException e:
                await error.WriteLineAsync($"cradle: {e.Message}").ConfigureAwait(false);
                break;
            case StudyException e:
                foreach (var problem in e.Problems)
                {
                    await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
                }
                var whose = studies.Count == 1 ? "the study has" : "the studies have";
                await error.WriteLineAsync($"cradle: {whose} {e.Problems.Count} error(s); nothing was assessed.").ConfigureAwait(false);
                break;
            case CatalogException e:
                await CatalogFilesOption.ReportAsync(e, error).ConfigureAwait(false);
                break;
            default:
                // The study's numbers make a model that cannot be solved (an amount that is NaN or infinite in a draw, a
                // process that consumes all it makes), found by the engine rather than the reader: the study's error.
                await error.WriteLineAsync($"cradle: {string.Join(", ", studies)}: {Syntax.Printable.Elide(Syntax.Printable.Escape(failure.Message))}").ConfigureAwait(false);
                await error.WriteLineAsync("cradle: nothing was assessed; check the inputs named above and their uncertainties.").ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Reads a study file; a failure is reported as the study's.</summary>
    public static string ReadStudy(FileInfo file)
    {
        try
        {
            return InputFile.Read(file.FullName, InputKind.Study);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableStudyException(file.ToString(), e);
        }
    }

    internal sealed class UnreadableStudyException(string file, Exception inner) : Exception(inner.Message, inner)
    {
        public string File { get; } = file;
    }
}
