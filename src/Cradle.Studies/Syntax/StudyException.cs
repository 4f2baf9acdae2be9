namespace Cradle.Studies.Syntax;

/// <summary>
/// The one exception family of Cradle.Studies: a study that cannot be read or compiled. <see cref="Problems"/>
/// holds every error found (not just the first), each with its file, line, column and field.
/// </summary>
public sealed class StudyException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public StudyException(IReadOnlyList<StudyProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString()))) => Problems = problems;

    /// <summary>The problems, in file order.</summary>
    public IReadOnlyList<StudyProblem> Problems { get; }
}
