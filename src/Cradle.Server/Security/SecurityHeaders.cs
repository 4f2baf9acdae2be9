using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Security;

/// <summary>
/// Headers on every response that keep pages to what this server sends: scripts and styles from the server only (the
/// reports' inline styles and SVG charts allowed, no inline script), no framing by other sites, no MIME sniffing, no
/// referrer sent elsewhere. The browser test checks that no page asks for anything outside the server.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'self'; base-uri 'none'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the pages' own form posts,
        // and the forms' check of the Origin (StudyPages) refuses them; elsewhere no referrer is sent either way.
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "SAMEORIGIN";
        return next(context);
    }
}
