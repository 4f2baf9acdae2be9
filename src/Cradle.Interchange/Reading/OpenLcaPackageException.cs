namespace Cradle.Interchange.Reading;

/// <summary>A package refused whole: the entry and field at fault and what was expected. Nothing of it is kept.</summary>
public sealed class OpenLcaPackageException : Exception
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="file">The package entry at fault (or the package itself).</param>
    /// <param name="field">The field at fault, or "" for the entry as a whole.</param>
    /// <param name="message">What is wrong and what was expected.</param>
    public OpenLcaPackageException(string file, string field, string message)
        : base(field.Length == 0 ? $"{file}: {message}" : $"{file}, field '{field}': {message}")
    {
        File = file;
        Field = field;
    }

    /// <summary>The package entry at fault.</summary>
    public string File { get; }

    /// <summary>The field at fault, or "".</summary>
    public string Field { get; }
}
