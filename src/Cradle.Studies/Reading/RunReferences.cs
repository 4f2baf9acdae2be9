using Cradle.Core;
using Cradle.Studies.Runs;
using Cradle.Syntax;

namespace Cradle.Studies.Reading;

/// <summary>
/// Finds the runs a study names with <c>from_run</c>, once each, and reports at the reference why one cannot be used:
/// no run source, an unreadable source, an unknown id or name (with the closest recent runs), or a run that did not
/// complete (refused unless <c>allow_incomplete: true</c>, which turns the refusal into a warning).
/// </summary>
internal sealed class RunReferences
{
    /// <summary>How many recent runs are offered as suggestions for an unknown id.</summary>
    private const int SuggestionPool = 50;

    private readonly IRunSource? _source;
    private readonly Dictionary<string, MeasuredRun?> _found = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MeasuredJob?> _jobs = new(StringComparer.Ordinal);

    public RunReferences(IRunSource? source) => _source = source;

    /// <summary>Keys a mapping with <c>from_run</c> may have besides its own.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["from_run", "from_job", "allow_incomplete"];

    /// <summary>The key <paramref name="r"/> takes its value from: <c>from_job</c> when it has that key, else <c>from_run</c>.</summary>
    public static string KeyOf(MappingReader r) => r.Has("from_job") ? "from_job" : "from_run";

    /// <summary>Whether <paramref name="r"/> takes its value from a run or a job.</summary>
    public static bool Names(MappingReader r) => r.Has("from_run") || r.Has("from_job");

    /// <summary>The run or job <paramref name="r"/> names, or null after reporting why it cannot be used (both keys at
    /// once is an error).</summary>
    public IMeasurement? ResolveAny(MappingReader r)
    {
        if (r.Has("from_run") && r.Has("from_job"))
        {
            r.Problems.Error("from-run-form", r.LocationOf("from_job"), $"{r.Path}.from_job",
                "'from_job' and 'from_run' cannot go together: name either one run or one job.");
            return null;
        }
        return r.Has("from_job") ? ResolveJob(r) : Resolve(r);
    }

    /// <summary>
    /// The job named by <paramref name="r"/>'s <c>from_job</c>, or null after reporting why it cannot be used: no source,
    /// an unknown job (with the closest recent job ids), or a node that did not complete (refused unless
    /// <c>allow_incomplete: true</c>, which turns the refusal into a warning naming the nodes).
    /// </summary>
    public MeasuredJob? ResolveJob(MappingReader r)
    {
        var location = r.LocationOf("from_job");
        var field = $"{r.Path}.from_job";
        var reference = r.Text("from_job")?.Trim();
        var allowIncomplete = r.Choice("allow_incomplete", ["true", "false"]) == "true";
        if (string.IsNullOrEmpty(reference))
        {
            r.Problems.Error("missing-value", location, field, "name the job: the id its runs were measured with (cradle measure --job ID, e.g. $SLURM_JOB_ID).");
            return null;
        }
        if (_source is null)
        {
            r.Problems.Error("no-run-store", location, field,
                $"this value is read from job '{Printable.Escape(reference)}', but no run store was given; pass --store PATH (the run store 'cradle measure' wrote).");
            return null;
        }
        MeasuredJob? job;
        try
        {
            if (!_jobs.TryGetValue(reference, out job))
            {
                job = _source.FindJob(reference);
                _jobs[reference] = job;
            }
            if (job is null)
            {
                var hint = NameSuggestions.Hint(reference, _source.RecentJobs(SuggestionPool));
                r.Problems.Error("unknown-job", location, field,
                    $"no run belongs to job '{Printable.Escape(reference)}'{hint}; 'cradle runs list' shows the runs and their jobs.");
                return null;
            }
        }
        catch (RunSourceException e)
        {
            r.Problems.Error("run-store-unavailable", location, field, $"cannot read job '{Printable.Escape(reference)}': {e.Message}");
            return null;
        }
        if (job.Incomplete.Count > 0)
        {
            var nodes = string.Join(", ", job.Incomplete.Select(n => $"{n.Label} on host {n.Host} {n.Status.ToString().ToLowerInvariant()}"));
            if (allowIncomplete)
            {
                r.Problems.Warning("job-incomplete", location, field,
                    $"{job.Label} did not complete on every node ({nodes}), so its energy may not cover the work; used because of 'allow_incomplete: true'.");
            }
            else
            {
                r.Problems.Error("job-incomplete", location, field,
                    $"{job.Label} did not complete on every node ({nodes}); measure it again, or write 'allow_incomplete: true' to use it anyway (with a warning).");
                return null;
            }
        }
        return job;
    }

    /// <summary>The run named by <paramref name="r"/>'s <c>from_run</c>, or null after reporting why it cannot be used.</summary>
    public MeasuredRun? Resolve(MappingReader r)
    {
        var location = r.LocationOf("from_run");
        var field = $"{r.Path}.from_run";
        var reference = r.Text("from_run")?.Trim();
        var allowIncomplete = r.Choice("allow_incomplete", ["true", "false"]) == "true";
        if (string.IsNullOrEmpty(reference))
        {
            r.Problems.Error("missing-value", location, field, "name the run: its id (e.g. 20261128-101500-ab12cd) or its name.");
            return null;
        }
        if (_source is null)
        {
            r.Problems.Error("no-run-store", location, field,
                $"this value is read from run '{Printable.Escape(reference)}', but no run store was given; pass --store PATH (the run store 'cradle measure' wrote).");
            return null;
        }
        MeasuredRun? run;
        try
        {
            if (!_found.TryGetValue(reference, out run))
            {
                run = _source.Find(reference);
                _found[reference] = run;
            }
            if (run is null)
            {
                var hint = NameSuggestions.Hint(reference, _source.RecentLabels(SuggestionPool));
                r.Problems.Error("unknown-run", location, field,
                    $"no run has the id or name '{Printable.Escape(reference)}'{hint}; 'cradle runs list' shows the runs of the store.");
                return null;
            }
        }
        catch (RunSourceException e)
        {
            r.Problems.Error("run-store-unavailable", location, field, $"cannot read run '{Printable.Escape(reference)}': {e.Message}");
            return null;
        }
        if (run.Status != MeasuredRunStatus.Complete)
        {
            var what = run.Status switch
            {
                MeasuredRunStatus.Running => "is still running, so its energy is not final",
                MeasuredRunStatus.Interrupted => "was interrupted, so its energy stops at its last saved sample",
                _ => "failed, so its energy may not cover the work",
            };
            if (allowIncomplete)
            {
                r.Problems.Warning("run-incomplete", location, field, $"{run.Label} {what}; used because of 'allow_incomplete: true'.");
            }
            else
            {
                r.Problems.Error("run-incomplete", location, field,
                    $"{run.Label} {what}; measure it again, or write 'allow_incomplete: true' to use it anyway (with a warning).");
                return null;
            }
        }
        return run;
    }
}
