namespace Cradle.Core.Parameters;

/// <summary>
/// One thing wrong with a set of parameters, as data: a stable <see cref="Code"/> (unknown-parameter,
/// parameter-cycle, unit-mismatch, expression-syntax, duplicate-parameter, too-deep), the parameter it concerns,
/// a message that says how to fix it, and where in the expression text it starts.
/// </summary>
public sealed record ParameterProblem(string Code, string Parameter, string Message, int? ExpressionPosition = null);

/// <summary>Thrown when parameters cannot be resolved; <see cref="Problems"/> lists every problem found.</summary>
public sealed class ParameterException : CradleCoreException
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ParameterException(IReadOnlyList<ParameterProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => $"{p.Parameter}: {p.Message}"))) => Problems = problems;

    /// <summary>Every problem found, in definition order.</summary>
    public IReadOnlyList<ParameterProblem> Problems { get; }
}
