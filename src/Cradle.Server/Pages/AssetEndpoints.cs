using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Pages;

/// <summary>Serves the stylesheet and script embedded in the assembly (Assets/), read once.</summary>
internal static class AssetEndpoints
{
    private static readonly (string Name, string Type)[] Assets = [("cradle.css", "text/css; charset=utf-8"), ("cradle.js", "text/javascript; charset=utf-8")];

    public static void Map(WebApplication app)
    {
        foreach (var (name, type) in Assets)
        {
            var bytes = Read(name);
            app.MapGet($"/assets/{name}", context =>
            {
                context.Response.ContentType = type;
                context.Response.Headers.CacheControl = "no-cache";
                context.Response.ContentLength = bytes.Length;
                return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
            });
        }
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream($"Cradle.Server.Assets.{name}")
            ?? throw new InvalidOperationException($"the asset {name} is not embedded in Cradle.Server (Assets/{name})");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
