namespace Cradle.Core.Model;

/// <summary>One thing wrong with a product system, with a stable code and a message saying how to fix it.</summary>
/// <param name="Code">unknown-product, unknown-flow, no-provider, duplicate-provider, duplicate-id, exchange-unit, exchange-expression, too-deep.</param>
/// <param name="Subject">The process, product or flow concerned.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record ModelProblem(string Code, string Subject, string Message);

/// <summary>A product system that cannot be built; <see cref="Problems"/> lists every problem.</summary>
public sealed class ModelException : CradleCoreException
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ModelException(IReadOnlyList<ModelProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => $"{p.Subject}: {p.Message}"))) => Problems = problems;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ModelProblem> Problems { get; }
}
