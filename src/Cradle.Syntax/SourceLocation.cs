using System.Globalization;

namespace Cradle.Syntax;

/// <summary>A place in a study file: 1-based line and column, as editors count them.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>The same file, <paramref name="offset"/> columns further right (to point inside an expression).</summary>
    public SourceLocation Shifted(int offset) => this with { Column = Column + offset };

    /// <summary>"study.yaml:12:5".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}
