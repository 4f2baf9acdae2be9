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
        // Browsers ask for /favicon.ico on any document that names no icon (a JSON answer opened in a tab): answer it
        // with nothing rather than a 404 in the console. The pages name an empty data: icon.
        app.MapGet("/favicon.ico", context =>
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
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
