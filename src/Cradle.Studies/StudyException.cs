using Cradle.Syntax;

namespace Cradle.Studies;

/// <summary>
/// The one exception family of Cradle.Studies: a study that cannot be read or compiled. <see cref="Problems"/>
/// holds every error found (not just the first), each with its file, line, column and field.
/// </summary>
public sealed class StudyException : Exception
{
    /// <summary>
    /// Creates the exception from the problems found. Control characters in their fields and messages (a key written
    /// as <c>"a\x1bb"</c> in YAML is echoed in them) are escaped (<see cref="Printable.Escape"/>), so that no
    /// message can move a terminal's cursor or hide text.
    /// </summary>
    public StudyException(IReadOnlyList<InputProblem> problems)
        : this(Escaped(problems))
    {
    }

    private StudyException(List<InputProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString()))) => Problems = problems;

    /// <summary>The problems, in file order.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    private static List<InputProblem> Escaped(IReadOnlyList<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Select(p => p with { Field = Printable.Escape(p.Field), Message = Printable.Escape(p.Message) }).ToList();
    }
}

/// <summary>Turns a study's recorded errors into a <see cref="StudyException"/>.</summary>
internal static class StudyProblems
{
    /// <summary>Throws <see cref="StudyException"/> with the errors, in file order, if there are any.</summary>
    public static void ThrowIfErrors(this ProblemList problems) => problems.ThrowIfErrors(errors => new StudyException(errors));
}
