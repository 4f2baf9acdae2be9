using System.Globalization;
using Cradle.Server.Hosting;
using Cradle.Server.Pages;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Studies;

/// <summary><c>/studies</c>: the stored studies, and the form to upload a file or paste a study (shown again with its
/// problems when the study sent has errors).</summary>
internal static class StudyListPage
{
    public static Task WriteAsync(HttpContext context, StudyService studies, (string Text, StudyCheck Check)? rejected, string? refusal,
        int status = StatusCodes.Status200OK)
    {
        var listed = studies.State.Store.ListStudies();
        var limit = Api.UploadLimit.Describe(context);
        return PageLayout.WriteAsync(context, "Studies", StudyPages.Section, page =>
        {
            page.Write("<h1>Studies</h1>");
            if (rejected is { } sent)
            {
                page.Write($"<section class=\"rejected\"><h2>The study has {sent.Check.Problems.Count.ToString(CultureInfo.InvariantCulture)} error(s); nothing was stored</h2>");
                page.Write("<p>Each problem is shown at its line; fix them and send the study again.</p>");
                StudyTextView.Write(page, sent.Text, sent.Check.Problems);
                page.Write("</section>");
            }
            if (refusal is not null)
            {
                page.Write($"<p class=\"error\">{Html.Text(refusal)}</p>");
            }
            page.Write("<section><h2>Add a study</h2>");
            page.Write("<form method=\"post\" action=\"/studies\" enctype=\"multipart/form-data\">");
            page.Write($"<p><label>Study file (YAML, 'cradle: 1'; at most {Html.Text(limit)}) <input type=\"file\" name=\"file\" accept=\".yaml,.yml,text/yaml,application/yaml\"></label></p>");
            page.Write("<p><label>or paste its text<br><textarea name=\"text\" rows=\"16\" cols=\"100\" spellcheck=\"false\">");
            page.Write(Html.Text(rejected?.Text ?? ""));
            page.Write("</textarea></label></p>");
            page.Write("<p><button type=\"submit\">Check and store</button> The study is checked as <code>cradle assess</code> checks it; " +
                "one with errors is shown with them and not stored. A study's own <code>catalog:</code> files are refused: the server reads no file a study names.</p>");
            page.Write("</form></section>");
            page.Write("<section><h2>Stored studies</h2>");
            if (listed.Count == 0)
            {
                page.Write("<p>No study is stored yet.</p>");
            }
            else
            {
                page.Write("<table class=\"list\"><thead><tr><th>Name</th><th>SHA-256</th><th>Uploaded (UTC)</th><th>Tool version</th><th class=\"num\">Assessments</th></tr></thead><tbody>");
                foreach (var study in listed)
                {
                    page.Write($"<tr><td><a href=\"/studies/{Html.Url(study.Id)}\">{Html.Text(study.Name)}</a></td>" +
                        $"<td><code title=\"{Html.Attribute(study.Sha256)}\">{Html.Text(study.Sha256[..12])}…</code></td>" +
                        $"<td>{Html.Text(Time(study.UploadedUtc))}</td><td>{Html.Text(study.ToolVersion)}</td>" +
                        $"<td class=\"num\">{study.Assessments.ToString(CultureInfo.InvariantCulture)}</td></tr>");
                }
                page.Write("</tbody></table>");
            }
            page.Write("</section>");
        }, status);
    }

    /// <summary>A stored time as people read it: "2026-03-14 09:15:02".</summary>
    public static string Time(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
