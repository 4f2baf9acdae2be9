using System.Net;
using System.Text.Json;

namespace Cradle.Server.Tests;

/// <summary>The served OpenAPI description: well formed, and exactly the API the server maps.</summary>
public sealed class OpenApiTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    [Fact]
    public async Task Every_api_route_is_described_and_every_described_route_is_served()
    {
        await using var server = await ServerHost.StartAsync();
        using var answer = await server.Client.GetAsync(new Uri("/openapi.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var document = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var described = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                described.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
            }
        }
        // The API: everything programs read (JSON, metrics, this description); the pages and assets are for people.
        var served = new SortedSet<string>(server.Routes
            .Where(r => r.Pattern == "/api" || r.Pattern.StartsWith("/api/", StringComparison.Ordinal) || r.Pattern is "/metrics" or "/openapi.json")
            .Select(r => $"{r.Method} {r.Pattern}"), StringComparer.Ordinal);
        Assert.Equal(served, described);
    }

    [Fact]
    public async Task The_description_is_openapi_3_1_with_an_answer_and_an_id_for_every_operation()
    {
        await using var server = await ServerHost.StartAsync();
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/openapi.json", UriKind.Relative)));
        var root = document.RootElement;
        Assert.Equal("3.1.0", root.GetProperty("openapi").GetString());
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                Assert.True(ids.Add(operation.Value.GetProperty("operationId").GetString()!), $"operationId repeated at {path.Name}");
                var responses = operation.Value.GetProperty("responses").EnumerateObject().ToList();
                Assert.Contains(responses, r => r.Name.StartsWith('2'));
                // Every path parameter in the template is declared, and no other.
                var inTemplate = path.Name.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).Order(StringComparer.Ordinal);
                var declared = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)
                    : Enumerable.Empty<string>();
                Assert.Equal(inTemplate, declared);
            }
        }
        // Every $ref resolves inside the document.
        foreach (var reference in References(root))
        {
            var node = root;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
            {
                Assert.True(node.TryGetProperty(part, out node), $"{reference} does not resolve");
            }
        }
    }

    private static IEnumerable<string> References(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "$ref" ? [p.Value.GetString()!] : References(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(References),
        _ => [],
    };
}
