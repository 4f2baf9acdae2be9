using System.Text.Json.Nodes;

namespace Cradle.Acceptance.Tests.Fuzzing;

/// <summary>
/// Seeded damage to a results JSON file, as a hand edit does it: a property deleted, a value of another type, a
/// fractional or huge number where a count or a line belongs, an id changed, an array emptied.
/// </summary>
internal sealed class ResultsMutator(Random random)
{
    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null, () => JsonValue.Create("x"), () => JsonValue.Create(-1), () => JsonValue.Create(0),
        () => JsonValue.Create(3.5), () => JsonValue.Create(1e308), () => JsonValue.Create(-1e308), () => JsonValue.Create(true),
        () => new JsonArray(), () => new JsonObject(), () => JsonValue.Create(new string('w', 10_000)),
        () => JsonValue.Create("<script>alert(1)</script>"), () => JsonValue.Create("a\u001bb\u0000c"),
        () => JsonValue.Create(2147483648L), () => JsonValue.Create("1E+20"), () => JsonValue.Create("lone \ud800 surrogate"),
    ];

    private readonly Random random = random;

    public (string Json, string Description) Mutate(string json)
    {
        var root = JsonNode.Parse(json)!;
        var done = new List<string>();
        var count = 1 + random.Next(2);
        for (var i = 0; i < count; i++)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            var node = nodes[random.Next(nodes.Count)];
            var parent = node.Parent;
            var path = node.GetPath();
            if (parent is null)
            {
                continue;
            }
            var delete = random.Next(3) == 0;
            var replacement = delete ? null : Replacements[random.Next(Replacements.Length)]();
            switch (parent)
            {
                case JsonObject obj:
                    var name = node.GetPropertyName();
                    if (delete)
                    {
                        obj.Remove(name);
                    }
                    else
                    {
                        obj[name] = replacement;
                    }
                    break;
                case JsonArray array:
                    var index = node.GetElementIndex();
                    if (delete)
                    {
                        array.RemoveAt(index);
                    }
                    else
                    {
                        array[index] = replacement;
                    }
                    break;
            }
            done.Add(delete ? $"deleted {path}" : $"{path} -> {replacement?.ToJsonString() ?? "null"}");
        }
        return (root.ToJsonString(), string.Join("; ", done));
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null)
        {
            return;
        }
        into.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, into);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, into);
                }
                break;
        }
    }
}
