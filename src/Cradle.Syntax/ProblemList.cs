using System.Globalization;

namespace Cradle.Syntax;

/// <summary>Collects findings while a study is read and compiled, so that every error is reported at once.</summary>
public sealed class ProblemList
{
    /// <summary>The most findings kept: past this, a broken or hostile file would only make the list longer.</summary>
    public const int MaxProblems = 1_000;

    private readonly List<InputProblem> _problems = [];
    private readonly HashSet<InputProblem> _seen = [];
    private int _omitted;
    private SourceLocation? _firstOmitted;

    /// <summary>All findings so far.</summary>
    public IReadOnlyList<InputProblem> All => _problems;

    /// <summary>True when at least one finding is an error.</summary>
    public bool HasErrors => _omitted > 0 || _problems.Any(p => p.Severity == Severity.Error);

    /// <summary>Records an error.</summary>
    public void Error(string code, SourceLocation? location, string field, string message) =>
        Add(new InputProblem(code, Severity.Error, location, field, message));

    /// <summary>Records a warning.</summary>
    public void Warning(string code, SourceLocation? location, string field, string message) =>
        Add(new InputProblem(code, Severity.Warning, location, field, message));

    // The same entry can be reached from several places (a device used by two stages): report it once.
    private void Add(InputProblem problem)
    {
        if (!_seen.Add(problem))
        {
            return;
        }
        if (_problems.Count < MaxProblems)
        {
            _problems.Add(problem);
            return;
        }
        if (problem.Severity == Severity.Error && _omitted++ == 0)
        {
            _firstOmitted = problem.Location;
        }
    }

    /// <summary>
    /// The errors, in file order: grouped by file (in the order the files first had a problem, so that one list can
    /// hold a catalog's several files), then by line and column; errors with no place come last.
    /// </summary>
    public IReadOnlyList<InputProblem> Errors
    {
        get
        {
            var errors = _problems.Where(p => p.Severity == Severity.Error).ToList();
            if (_omitted > 0)
            {
                errors.Add(new InputProblem("too-many-problems", Severity.Error, _firstOmitted, "", string.Create(CultureInfo.InvariantCulture,
                    $"{_omitted:N0} more errors (the first of them here) are not listed; fix the {MaxProblems:N0} listed first.")));
            }
            var files = errors.Where(p => p.Location is not null).Select(p => p.Location!.File).Distinct().ToList();
            return errors
                .OrderBy(p => p.Location is null ? int.MaxValue : files.IndexOf(p.Location.File))
                .ThenBy(p => p.Location?.Line ?? int.MaxValue)
                .ThenBy(p => p.Location?.Column ?? 0)
                .ToList();
        }
    }

    /// <summary>Throws the exception <paramref name="toException"/> makes of the errors, if there are any.</summary>
    public void ThrowIfErrors(Func<IReadOnlyList<InputProblem>, Exception> toException)
    {
        ArgumentNullException.ThrowIfNull(toException);
        if (HasErrors)
        {
            throw toException(Errors);
        }
    }
}
