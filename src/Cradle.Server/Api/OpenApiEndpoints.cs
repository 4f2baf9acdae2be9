using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Api;

/// <summary>
/// Serves the API's OpenAPI 3.1 description (Api/openapi.json, embedded). It is written by hand rather than generated:
/// the answers are the CLI's own documents written with Utf8JsonWriter, which no generator can see, and a test checks
/// that every route the server maps is described and every described route is mapped.
/// </summary>
internal static class OpenApiEndpoints
{
    public static void Map(WebApplication app)
    {
        var document = Read();
        app.MapGet(Routes.OpenApi, context =>
        {
            context.Response.ContentType = ApiResponses.JsonType;
            context.Response.ContentLength = document.Length;
            return context.Response.Body.WriteAsync(document, context.RequestAborted).AsTask();
        });
    }

    private static byte[] Read()
    {
        using var stream = typeof(OpenApiEndpoints).Assembly.GetManifestResourceStream("Cradle.Server.Api.openapi.json")
            ?? throw new InvalidOperationException("Api/openapi.json is not embedded in Cradle.Server");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
