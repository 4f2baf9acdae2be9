using Cradle.Server.Hosting;
using Cradle.Store.Studies;
using Cradle.Studies.Assessment;
using Cradle.Syntax;

namespace Cradle.Server.Studies;

/// <summary>What the studies' API and pages both do: check and store a study, assess a stored one and store the results.</summary>
internal sealed class StudyService(ServerState state, AssessmentGate gate)
{
    /// <summary>The server's state.</summary>
    public ServerState State => state;

    /// <summary>Compiles <paramref name="text"/> (in the gate: compiling a large study takes a processor) without storing it.</summary>
    public Task<StudyCheck> CheckAsync(string text, CancellationToken cancel) =>
        gate.RunAsync(_ => ServerStudyAssessor.Check(text, state), cancel);

    /// <summary>Checks <paramref name="text"/> and stores it when it compiles; the same text stored before is found, not stored again.</summary>
    public async Task<UploadOutcome> UploadAsync(string text, string? givenName, CancellationToken cancel)
    {
        var check = await CheckAsync(text, cancel).ConfigureAwait(false);
        if (!check.Valid)
        {
            return new UploadOutcome(check, null, false);
        }
        var (study, created) = state.Store.AddStudy(new NewStudy(NameOf(check.Name, givenName), text, ServerState.ToolVersion));
        return new UploadOutcome(check, study, created);
    }

    /// <summary>Assesses a stored study and stores the results; returns the stored assessment and its results document.</summary>
    /// <exception cref="StudyProblemsException">The study no longer compiles (a run it reads was deleted).</exception>
    /// <exception cref="SamplingTooLargeException">The draws would not fit in memory.</exception>
    public async Task<(StoredAssessment Assessment, string Results)> AssessAsync(StoredStudy study, MonteCarloOptions? monteCarlo, CancellationToken cancel)
    {
        var text = state.Store.GetStudyText(study.Id) ?? throw new StudyProblemsException(
            [new InputProblem("study-not-found", Severity.Error, null, "", $"study {study.Id} is no longer stored.")]);
        var results = await gate.RunAsync(c => ServerStudyAssessor.Assess(text, monteCarlo, state, c), cancel).ConfigureAwait(false);
        var stored = state.Store.AddAssessment(new NewAssessment(study.Id, results, monteCarlo?.Iterations, monteCarlo?.Seed, ServerState.ToolVersion));
        return (stored, results);
    }

    /// <summary>The name stored: the study's own (escaped, cut to the store's limit), else the one given, else "untitled study".</summary>
    private static string NameOf(string? own, string? given)
    {
        var name = !string.IsNullOrWhiteSpace(own) ? own : !string.IsNullOrWhiteSpace(given) ? given : "untitled study";
        name = Printable.Escape(name.Trim());
        return name.Length <= StudyLimits.MaxNameLength ? name : string.Concat(name.AsSpan(0, StudyLimits.MaxNameLength - 1), "…");
    }
}

/// <summary>An upload: the check, and the study stored (null when it has errors) and whether it is new.</summary>
internal sealed record UploadOutcome(StudyCheck Check, StoredStudy? Study, bool Created);
