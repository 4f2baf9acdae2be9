using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cradle.Syntax;

/// <summary>
/// Loads the one YAML document of a study or catalog file, turning every way the text can fail into a coded problem
/// at its line and column: malformed YAML ("malformed-yaml"), lists and mappings nested deeper than
/// <see cref="MaxDepth"/> ("too-deep"), a second document after a '---' ("multiple-documents"), which would
/// otherwise be ignored, an alias in a key ("complex-key") and aliases that expand past <see cref="MaxNodes"/> values
/// ("alias-expansion").
/// </summary>
/// <remarks>
/// YamlDotNet's representation model builds nested nodes by recursion, so 30,000 nested '[' would overflow the stack
/// and kill the process; a key holding an alias to itself makes its hash recurse without end, and aliases of aliases
/// make a small file expand to billions of values (a "billion laughs"). The parser itself keeps its own stack, so each
/// event is checked as the model reads it (<see cref="CheckedParser"/>), and the build stops at the first refused one,
/// before the recursion or the hashing it would lead to.
/// </remarks>
public static class YamlDocumentLoader
{
    /// <summary>How deeply lists and mappings may nest. Cradle's files need fewer than ten levels.</summary>
    public const int MaxDepth = 100;

    /// <summary>
    /// Reads the document in <paramref name="text"/>, naming the file <paramref name="file"/> in problems. Returns
    /// false when an error was recorded in <paramref name="problems"/>; true otherwise, with <paramref name="root"/>
    /// the document's root node, or null when the text holds no document (it is empty or only comments).
    /// </summary>
    public static bool TryLoad(string text, string file, ProblemList problems, out YamlNode? root)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        root = null;
        // One pass: the nodes are built from events that are checked as they are read, so a refusal comes before the
        // recursion that building a too-deep list would need, or the hashing of a key that holds an alias.
        var parser = new CheckedParser(new Parser(new StringReader(text)), new EventShape(file, problems), file, problems);
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (CheckedParser.RefusedException)
        {
            return false;
        }
        catch (YamlException e)
        {
            // Malformed text, or events that do not build: an alias to an anchor never defined, a key given twice.
            problems.Error("malformed-yaml", At(file, e.Start), "", $"the file is not valid YAML: {Describe(e)}");
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException for some unterminated flow collections
            // ("[a, b"); parsing stopped after the last event read.
            problems.Error("malformed-yaml", parser.Last, "",
                "the file is not valid YAML: a '[' or '{' is not closed, or a value after it is malformed.");
            return false;
        }
        root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        return true;
    }

    /// <summary>How many values a document may hold once its aliases are expanded. Cradle's files hold a few thousand.</summary>
    public const int MaxNodes = 1_000_000;

    internal static SourceLocation At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    private static string Describe(YamlException e)
    {
        var inner = e.InnerException?.Message ?? e.Message;
        // YamlDotNet prefixes messages with the position, which the location already gives.
        var close = inner.IndexOf("): ", StringComparison.Ordinal);
        return Printable.Escape(close >= 0 && inner.StartsWith("(Line", StringComparison.Ordinal) ? inner[(close + 3)..] : inner);
    }
}
