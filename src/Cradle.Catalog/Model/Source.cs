namespace Cradle.Catalog.Model;

/// <summary>A bibliography entry: a source of figures, cited by key.</summary>
/// <param name="Key">The key figures cite.</param>
/// <param name="Authors">Authors or organisation.</param>
/// <param name="Title">Title.</param>
/// <param name="Year">Publication year.</param>
/// <param name="Url">Where to find it, if online.</param>
/// <param name="Licence">The licence of the data taken from it ("CC BY 4.0", "public domain", "MIT", "cited figure").</param>
/// <param name="Note">Anything a reader should know (which table, which version).</param>
public sealed record Source(string Key, string Authors, string Title, int Year, string? Url, string Licence, string? Note)
{
    /// <summary>"Authors (Year). Title. Url" for reports.</summary>
    public string Citation() => $"{Authors} ({Year}). {Title}.{(Url is null ? "" : $" {Url}")}";
}
