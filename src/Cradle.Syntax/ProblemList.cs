namespace Cradle.Syntax;

/// <summary>Collects findings while a study is read and compiled, so that every error is reported at once.</summary>
public sealed class ProblemList
{
    private readonly List<InputProblem> _problems = [];

    /// <summary>All findings so far.</summary>
    public IReadOnlyList<InputProblem> All => _problems;

    /// <summary>True when at least one finding is an error.</summary>
    public bool HasErrors => _problems.Any(p => p.Severity == Severity.Error);

    /// <summary>Records an error.</summary>
    public void Error(string code, SourceLocation? location, string field, string message) =>
        Add(new InputProblem(code, Severity.Error, location, field, message));

    /// <summary>Records a warning.</summary>
    public void Warning(string code, SourceLocation? location, string field, string message) =>
        Add(new InputProblem(code, Severity.Warning, location, field, message));

    // The same entry can be reached from several places (a device used by two stages): report it once.
    private void Add(InputProblem problem)
    {
        if (!_problems.Contains(problem))
        {
            _problems.Add(problem);
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
