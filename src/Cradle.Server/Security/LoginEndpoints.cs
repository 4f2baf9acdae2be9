using Cradle.Server.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Security;

/// <summary>
/// The login form of a server with a token: a person pastes the token once and the browser keeps it in an HttpOnly,
/// SameSite=Strict cookie, so that no page has to put it in a URL. A server without a token has no login.
/// </summary>
internal static class LoginEndpoints
{
    public const string Path = "/login";

    public static void Map(WebApplication app, byte[]? token)
    {
        if (token is null)
        {
            return;
        }
        app.MapGet(Path, context => Form(context, failed: false));
        app.MapPost(Path, async context =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (!TokenGate.Matches(token, form["token"].ToString()))
            {
                await Form(context, failed: true).ConfigureAwait(false);
                return;
            }
            context.Response.Cookies.Append(TokenGate.CookieName, form["token"].ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            context.Response.Redirect(LocalPath(context.Request.Query["next"].ToString()));
        });
    }

    // Only a path on this server: '/runs', never '//elsewhere' or 'https://elsewhere' (an open redirect).
    private static string LocalPath(string next) =>
        next.StartsWith('/') && !next.StartsWith("//", StringComparison.Ordinal) && !next.StartsWith("/\\", StringComparison.Ordinal) ? next : "/";

    private static Task Form(HttpContext context, bool failed) =>
        PageLayout.WriteAsync(context, "Sign in", section: null, w =>
        {
            w.Write("<h1>Sign in</h1>");
            if (failed)
            {
                w.Write("<p class=\"problem\" role=\"alert\">That is not the server's token.</p>");
            }
            w.Write("<p>This server asks for the token it was started with (<code>cradle serve --token</code> or <code>$");
            w.Write(Hosting.ServerOptions.TokenVariable);
            w.Write("</code>).</p><form method=\"post\" action=\"");
            w.Write(Html.Attribute(Path + context.Request.QueryString.Value));
            w.Write("\"><label>Token <input type=\"password\" name=\"token\" autocomplete=\"current-password\" required></label> ");
            w.Write("<button type=\"submit\">Sign in</button></form>");
        }, failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
}
