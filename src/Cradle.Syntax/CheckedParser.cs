using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cradle.Syntax;

/// <summary>
/// A YAML parser that checks each event as the representation model reads it (<see cref="EventShape"/>, and one
/// document per file), and stops the build with <see cref="RefusedException"/> once a problem is recorded.
/// </summary>
internal sealed class CheckedParser(IParser inner, EventShape shape, string file, ProblemList problems) : IParser
{
    private int _documents;

    /// <summary>Where the last event read ended: where parsing stopped when the scanner fails without a position.</summary>
    public SourceLocation Last { get; private set; } = new(file, 1, 1);

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }
        var current = inner.Current!;
        if (current is DocumentStart && ++_documents == 2)
        {
            problems.Error("multiple-documents", YamlDocumentLoader.At(file, current.Start), "",
                "a second YAML document starts here; a file holds one document: remove this '---' and what follows, or move it to a file of its own.");
            throw new RefusedException();
        }
        if (!shape.Accept(current))
        {
            throw new RefusedException();
        }
        Last = YamlDocumentLoader.At(file, current.End);
        return true;
    }

    /// <summary>The build stopped at a refused event; the problem is in the list.</summary>
    internal sealed class RefusedException : Exception;
}
