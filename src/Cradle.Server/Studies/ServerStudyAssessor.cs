using Cradle.Catalog;
using Cradle.Results.Json;
using Cradle.Server.Hosting;
using Cradle.Studies;
using Cradle.Studies.Assessment;
using Cradle.Syntax;

namespace Cradle.Server.Studies;

/// <summary>
/// What the server does with a study's text, by the CLI's own path (<c>cradle assess</c>): <see cref="StudyAssessor"/>
/// compiles and assesses it, <see cref="ResultsBuilder"/> and <see cref="ResultsWriter"/> make the results document,
/// with <c>from_run</c> values read from the server's store. One difference, for safety: a study's own <c>catalog:</c>
/// files are refused at their line, since the server reads no file a request names; so are background databases named
/// by <c>file:</c>, while those named <c>store:</c> are read from the server's own store.
/// </summary>
internal static class ServerStudyAssessor
{
    /// <summary>The file name a study is known by in its problems and its results' provenance: the server has no file, so
    /// every study is "study.yaml" there; the provenance's SHA-256 names the stored text.</summary>
    public const string FileName = "study.yaml";

    /// <summary>Why a study's <c>catalog:</c> file is refused (the study's problem at that line).</summary>
    public const string CatalogRefusal =
        "the server reads no files named by a study (it would open files on the server's machine); assess this study with " +
        "the CLI ('cradle assess'), or upload it without 'catalog:' (the bundled catalog is used)";

    /// <summary>Compiles <paramref name="text"/> as <c>cradle assess</c> would (every alternative), without assessing it.</summary>
    public static StudyCheck Check(string text, ServerState state)
    {
        try
        {
            var (study, _, warnings) = StudyAssessor.Compile(text, FileName, [], RefuseCatalogFile, state.Runs, Backgrounds(state));
            return new StudyCheck(study.Name, [], warnings);
        }
        catch (Exception e) when (Problems(e) is { } problems)
        {
            return new StudyCheck(null, problems, []);
        }
    }

    /// <summary>
    /// Assesses <paramref name="text"/> as <c>cradle assess --format json</c> does and returns the results document
    /// (cradle.assessment/2) as written. Monte Carlo stops at <paramref name="cancel"/> (the client went away).
    /// </summary>
    /// <exception cref="StudyProblemsException">The study has errors.</exception>
    /// <exception cref="SamplingTooLargeException">The draws would not fit in memory.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled.</exception>
    public static string Assess(string text, MonteCarloOptions? monteCarlo, ServerState state, CancellationToken cancel)
    {
        try
        {
            // One source per request: a database is opened once for the compile and the assessment, and not kept after.
            var backgrounds = Backgrounds(state);
            if (monteCarlo is not null)
            {
                // Compiling first lets the size be checked against memory before anything is sampled (as the CLI does).
                var (_, alternatives, _) = StudyAssessor.Compile(text, FileName, [], RefuseCatalogFile, state.Runs, backgrounds);
                SamplingBudget.CheckMonteCarlo(alternatives, monteCarlo.Iterations, energyRows: true, option: "mc");
                monteCarlo = monteCarlo with { Progress = new StopWhenCancelled(cancel) };
            }
            cancel.ThrowIfCancellationRequested();
            var assessment = StudyAssessor.Assess(text, FileName, [], RefuseCatalogFile, monteCarlo, state.Runs, background: backgrounds);
            var results = ResultsBuilder.From(assessment, ProvenanceOfResults.Of(ServerState.Tool, ServerState.ToolVersion, FileName, text, []));
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            ResultsWriter.Write(results, writer);
            return writer.ToString();
        }
        catch (Exception e) when (cancel.IsCancellationRequested && e is not OperationCanceledException)
        {
            // Sampling was stopped from inside its threads (an aggregate of cancellations): the client is gone.
            throw new OperationCanceledException(cancel);
        }
        catch (Exception e) when (Problems(e) is { } problems)
        {
            throw new StudyProblemsException(problems);
        }
    }

    /// <summary>The background databases a study may use on the server: those kept in its store (<c>store:</c>), no file.</summary>
    private static Interchange.Background.FileBackgroundSource Backgrounds(ServerState state) =>
        Interchange.Background.FileBackgroundSource.StoreOnly(state.Store);

    /// <summary>The reader of a study's own catalog files: it reads none (see <see cref="CatalogRefusal"/>).</summary>
    private static string RefuseCatalogFile(string path) => throw new CatalogFileRefusedException();

    /// <summary>The problems a failure of a study stands for; null for any other failure (a bug, raised as it is).</summary>
    private static IReadOnlyList<InputProblem>? Problems(Exception e) => e switch
    {
        StudyException s => s.Problems,
        CatalogException c => c.Problems,
        // The study's numbers make a model the engine cannot solve: the study's error, without one line to point at.
        Core.Engine.EngineException engine => [new InputProblem("unsolvable", Severity.Error, null, "",
            $"{Printable.Escape(engine.Message)}; check the inputs named and their uncertainties.")],
        _ => null,
    };

    /// <summary>A study's own catalog file, refused before anything is opened.</summary>
    private sealed class CatalogFileRefusedException() : IOException(CatalogRefusal);

    /// <summary>Stops Monte Carlo sampling (from the thread that reports a block done) once the client has gone.</summary>
    private sealed class StopWhenCancelled(CancellationToken cancel) : IProgress<double>
    {
        public void Report(double value) => cancel.ThrowIfCancellationRequested();
    }
}

/// <summary>A study compiled: its name, or its errors; warnings when it compiles.</summary>
/// <param name="Name">The study's own name (its <c>name:</c>), null when it has errors.</param>
/// <param name="Problems">Its errors, in file order; empty when it compiles.</param>
/// <param name="Warnings">Its warnings when it compiles.</param>
internal sealed record StudyCheck(string? Name, IReadOnlyList<InputProblem> Problems, IReadOnlyList<InputProblem> Warnings)
{
    public bool Valid => Problems.Count == 0;
}

/// <summary>A study that cannot be assessed, with its problems (a 400 from the API).</summary>
internal sealed class StudyProblemsException(IReadOnlyList<InputProblem> problems)
    : Exception($"the study has {problems.Count} problem(s)")
{
    public IReadOnlyList<InputProblem> Problems { get; } = problems;
}
