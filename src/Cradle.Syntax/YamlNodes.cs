using YamlDotNet.RepresentationModel;

namespace Cradle.Syntax;

/// <summary>Small helpers over YamlDotNet's representation model: positions and kinds in words.</summary>
public static class YamlNodes
{
    /// <summary>Where the node starts in <paramref name="file"/>.</summary>
    public static SourceLocation Location(this YamlNode node, string file) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>The node's kind in words, for messages.</summary>
    public static string Kind(this YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping (key: value lines)",
        YamlSequenceNode => "a list",
        YamlScalarNode s when string.IsNullOrEmpty(s.Value) => "an empty value",
        YamlScalarNode s => $"the value '{Printable.Escape(s.Value)}'",
        _ => "something else",
    };
}
