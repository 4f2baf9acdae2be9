using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Pages;

/// <summary>
/// The frame of every page: title, the navigation between runs, studies, trends and the API description, the
/// stylesheet and the script shipped in the assembly (/assets), nothing from elsewhere.
/// </summary>
public static class PageLayout
{
    /// <summary>The sections of the navigation, as (path, label).</summary>
    public static IReadOnlyList<(string Path, string Label)> Sections { get; } =
        [("/runs", "Runs"), ("/studies", "Studies"), ("/trends", "Trends"), ("/openapi.json", "API")];

    /// <summary>Writes a page: <paramref name="body"/> writes the main content (already escaped HTML).</summary>
    /// <param name="context">The request answered.</param>
    /// <param name="title">The page's title (plain text).</param>
    /// <param name="section">The section's path, marked current in the navigation; null for none.</param>
    /// <param name="body">Writes the content of &lt;main&gt;.</param>
    /// <param name="status">The HTTP status (a study with problems is still shown, with 400 from its API only).</param>
    public static async Task WriteAsync(HttpContext context, string title, string? section, Action<TextWriter> body, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var page = new StringWriter(new StringBuilder(4096), System.Globalization.CultureInfo.InvariantCulture);
        page.Write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        page.Write($"<title>{Html.Text(title)} — Cradle</title>");
        page.Write("<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/assets/cradle.css\"><script src=\"/assets/cradle.js\" defer></script></head><body>");
        page.Write("<header><a class=\"brand\" href=\"/\">Cradle</a><nav>");
        foreach (var (path, label) in Sections)
        {
            var current = path == section ? " aria-current=\"page\"" : "";
            page.Write($"<a href=\"{path}\"{current}>{label}</a>");
        }
        page.Write("</nav></header><main>");
        body(page);
        page.Write("</main></body></html>");
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(page.ToString(), context.RequestAborted).ConfigureAwait(false);
    }
}
