using Cradle.Syntax;

namespace Cradle.Catalog;

/// <summary>
/// The one exception family of Cradle.Catalog: a catalog file (shipped or the user's) that cannot be loaded.
/// <see cref="Problems"/> lists every error with its file, line, column and field.
/// </summary>
public sealed class CatalogException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public CatalogException(IReadOnlyList<InputProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString()))) => Problems = problems;

    /// <summary>Every error found.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }
}
