using System.Security.Cryptography;
using System.Text;
using Cradle.Server.Api;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Security;

/// <summary>
/// Asks every request for the server's token when it has one: an <c>Authorization: Bearer TOKEN</c> header (the API,
/// Prometheus' <c>authorization</c> setting) or the cookie the login page sets (the pages in a browser). Without it, an
/// API path gets 401 and a page is sent to the login form. Only the login form and the stylesheet and script it needs
/// are open. Tokens are compared in constant time.
/// </summary>
internal sealed class TokenGate(RequestDelegate next, byte[] token)
{
    /// <summary>The cookie the login form sets: HttpOnly, SameSite=Strict, Secure over https.</summary>
    public const string CookieName = "cradle_token";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.Equals(LoginEndpoints.Path, StringComparison.Ordinal) || path.StartsWithSegments("/assets", StringComparison.Ordinal)
            || Carries(context.Request))
        {
            return next(context);
        }
        if (Routes.IsMachinePath(path))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"cradle\"";
            return ApiResponses.ErrorAsync(context, StatusCodes.Status401Unauthorized, "token-required",
                "This server asks for a token: send 'Authorization: Bearer TOKEN' (the token given to cradle serve).");
        }
        var back = Uri.EscapeDataString(path.Value + context.Request.QueryString.Value);
        context.Response.Redirect($"{LoginEndpoints.Path}?next={back}");
        return Task.CompletedTask;
    }

    /// <summary>Whether <paramref name="given"/> is the token, in time independent of where they differ.</summary>
    public static bool Matches(byte[] token, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(token, Encoding.UTF8.GetBytes(given));

    private bool Carries(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && Matches(token, header[Bearer.Length..].Trim()))
        {
            return true;
        }
        return request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(token, cookie);
    }
}
