using System.Globalization;
using Cradle.Server.Hosting;
using Cradle.Server.Pages;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Studies;

/// <summary><c>/studies/{study}</c>: the study's text with line numbers, the form to assess it, its assessments.</summary>
internal static class StudyPage
{
    public static Task WriteAsync(HttpContext context, StudyService studies, string id, string? refusal, int status = StatusCodes.Status200OK)
    {
        var store = studies.State.Store;
        var study = store.FindStudy(id);
        var text = study is null ? null : store.GetStudyText(id);
        if (study is null || text is null)
        {
            return StudyPages.ErrorPageAsync(context, StatusCodes.Status404NotFound, $"No study has id '{id}'.");
        }
        var assessments = store.ListAssessments(id);
        var most = studies.State.Options.MaxMonteCarloIterations.ToString(CultureInfo.InvariantCulture);
        return PageLayout.WriteAsync(context, study.Name, StudyPages.Section, page =>
        {
            page.Write($"<h1>{Html.Text(study.Name)}</h1>");
            page.Write($"<p class=\"meta\">Stored {Html.Text(StudyListPage.Time(study.UploadedUtc))} UTC by Cradle {Html.Text(study.ToolVersion)} · " +
                $"{study.Bytes.ToString(CultureInfo.InvariantCulture)} bytes · SHA-256 <code>{Html.Text(study.Sha256)}</code> · " +
                $"<a href=\"/api/studies/{Html.Url(study.Id)}\">JSON</a></p>");
            if (refusal is not null)
            {
                page.Write($"<p class=\"error\">{Html.Text(refusal)}</p>");
            }
            page.Write($"<form method=\"post\" action=\"/studies/{Html.Url(study.Id)}/assess\" class=\"assess\">");
            page.Write($"<label>Monte Carlo iterations (optional, at most {most}) <input type=\"number\" name=\"mc\" min=\"0\" max=\"{most}\" step=\"1\"></label> ");
            page.Write("<label>Seed (optional, default 1) <input type=\"number\" name=\"seed\" min=\"0\" step=\"1\"></label> ");
            page.Write("<button type=\"submit\">Assess</button></form>");
            page.Write("<h2>Assessments</h2>");
            if (assessments.Count == 0)
            {
                page.Write("<p>Not assessed yet.</p>");
            }
            else
            {
                page.Write("<table class=\"list\"><thead><tr><th>Assessed (UTC)</th><th>Monte Carlo</th><th>Tool version</th><th>Results</th></tr></thead><tbody>");
                foreach (var a in assessments)
                {
                    var drawn = a.Iterations is { } n ? string.Create(CultureInfo.InvariantCulture, $"{n} iterations, seed {a.Seed}") : "none (deterministic)";
                    page.Write($"<tr><td><a href=\"/assessments/{Html.Url(a.Id)}\">{Html.Text(StudyListPage.Time(a.CreatedUtc))}</a></td><td>{Html.Text(drawn)}</td>" +
                        $"<td>{Html.Text(a.ToolVersion)}</td><td><a href=\"/api/assessments/{Html.Url(a.Id)}\">JSON</a></td></tr>");
                }
                page.Write("</tbody></table>");
            }
            page.Write("<h2>Text</h2>");
            StudyTextView.Write(page, text, []);
        }, status);
    }
}
