using System.Text.Json;
using Cradle.Server.Api;
using Cradle.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cradle.Server.Pages;

/// <summary>The front door: <c>/</c> opens the runs; <c>/api</c> says what server this is.</summary>
internal static class HomeEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", context =>
        {
            context.Response.Redirect("/runs");
            return Task.CompletedTask;
        });
        app.MapGet(Routes.Api, context =>
        {
            var state = context.RequestServices.GetRequiredService<ServerState>();
            return ApiResponses.JsonAsync(context, StatusCodes.Status200OK, w => WriteInfo(w, state));
        });
    }

    private static void WriteInfo(Utf8JsonWriter w, ServerState state)
    {
        w.WriteStartObject();
        w.WriteString("tool", ServerState.Tool);
        w.WriteString("version", ServerState.ToolVersion);
        w.WriteString("store", state.Options.StoreDisplay);
        w.WriteNumber("max_upload_bytes", state.Options.MaxUploadBytes);
        w.WriteBoolean("token_required", state.Options.Token is not null);
        w.WriteString("openapi", Routes.OpenApi);
        w.WriteEndObject();
    }
}
