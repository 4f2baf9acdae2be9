namespace Cradle.Syntax;

/// <summary>How bad a finding is: an error stops the assessment, a warning is reported with the results.</summary>
public enum Severity
{
    /// <summary>The study cannot be assessed until this is fixed.</summary>
    Error,
    /// <summary>The assessment runs, but the reader should know (a value without a source, a convention that understates).</summary>
    Warning,
}

/// <summary>
/// One finding about a study, as data: a stable code (unknown-key, unit-mismatch, parameter-cycle, …), where it is,
/// which field, and a message that says what was expected and how to fix it.
/// </summary>
/// <param name="Code">Stable, kebab-case code.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Location">File, line and column; null when the problem has no single place.</param>
/// <param name="Field">The field path, e.g. "stages.pre-training.energy".</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record InputProblem(string Code, Severity Severity, SourceLocation? Location, string Field, string Message)
{
    /// <summary>
    /// "study.yaml:12:5: error [unknown-key] stages.pre-training: …". Control characters that reached the field or the
    /// message from an input file (in a key, a value, a path) are escaped (<see cref="Printable.Escape"/>), whichever
    /// layer made the problem: a warning or a catalog error cannot recolour a terminal any more than a study error.
    /// Words of hundreds of characters (a hostile key or unit echoed back) are cut (<see cref="Printable.Elide"/>).
    /// </summary>
    public override string ToString()
    {
        var where = Location is null ? "" : $"{Printable.Escape(Location.ToString())}: ";
        var severity = Severity == Severity.Error ? "error" : "warning";
        // A problem of the whole file (malformed YAML, a second document) has no field: no empty "field: " then.
        var field = Field.Length == 0 ? "" : $"{Printable.Elide(Printable.Escape(Field))}: ";
        return $"{where}{severity} [{Code}] {field}{Printable.Elide(Printable.Escape(Message))}";
    }
}
