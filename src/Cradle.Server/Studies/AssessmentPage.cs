using System.Globalization;
using Cradle.Reports;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Server.Pages;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Studies;

/// <summary>
/// <c>/assessments/{id}</c>: a summary read from the stored results document (totals per category per functional unit,
/// with the alternatives side by side, stage contributions, and the alternatives' comparison when Monte Carlo drew
/// them), numbers formatted as the reports format them, then the full HTML report in a frame and links to the JSON and
/// Markdown.
/// </summary>
internal static class AssessmentPage
{
    public static Task WriteAsync(HttpContext context, StudyService studies, string id)
    {
        var store = studies.State.Store;
        var assessment = store.FindAssessment(id);
        var json = assessment is null ? null : store.GetAssessmentResults(id);
        if (assessment is null || json is null)
        {
            return StudyPages.ErrorPageAsync(context, StatusCodes.Status404NotFound, $"No assessment has id '{id}'.");
        }
        var study = store.FindStudy(assessment.StudyId);
        var model = ResultsReader.Read(json);
        var api = $"/api/assessments/{Html.Url(assessment.Id)}";
        return PageLayout.WriteAsync(context, $"{model.Name} — assessment", StudyPages.Section, page =>
        {
            page.Write($"<h1>{Html.Text(model.Name)}</h1>");
            var drawn = assessment.Iterations is { } n
                ? string.Create(CultureInfo.InvariantCulture, $"Monte Carlo: {n} iterations, seed {assessment.Seed}")
                : "deterministic (no Monte Carlo)";
            page.Write($"<p class=\"meta\">Assessed {Html.Text(StudyListPage.Time(assessment.CreatedUtc))} UTC by Cradle {Html.Text(assessment.ToolVersion)} · {Html.Text(drawn)}");
            if (study is not null)
            {
                page.Write($" · study <a href=\"/studies/{Html.Url(study.Id)}\">{Html.Text(study.Name)}</a>");
            }
            page.Write($" · <a href=\"{api}\">JSON (cradle.assessment/2)</a> · <a href=\"{api}/report.md\">Markdown</a> · <a href=\"{api}/report.html\">HTML report</a></p>");
            page.Write($"<p>Per functional unit: <b>{Html.Text(model.FunctionalUnit.Amount)}</b> — {Html.Text(model.FunctionalUnit.Description.TrimEnd('.'))}. " +
                "Every figure is modelled by Cradle from the study's inputs; the shares of each total resting on measured / declared / " +
                "modelled inputs are given under it, and each input with its provenance is listed in the report below. Totals and " +
                "stages are the deterministic values (every input at its stated value)" +
                (assessment.Iterations is null ? "." : "; their Monte Carlo distributions (mean, percentiles) are in the report.") + "</p>");
            Totals(page, model);
            foreach (var alternative in model.Alternatives)
            {
                Stages(page, alternative, model.Alternatives.Count > 1);
            }
            if (model.Comparison is { } comparison)
            {
                Comparison(page, comparison);
            }
            page.Write("<h2>Report</h2>");
            page.Write($"<iframe class=\"report\" src=\"{api}/report.html\" title=\"Full report\" width=\"100%\" height=\"900\"></iframe>");
        });
    }

    private static void Totals(TextWriter page, AssessmentResults model)
    {
        var categories = model.Alternatives[0].Categories;
        page.Write("<h2>Totals per functional unit</h2><table class=\"list totals\"><thead><tr><th>Category</th><th>Unit</th>");
        foreach (var a in model.Alternatives)
        {
            page.Write($"<th class=\"num\">{Html.Text(a.Title)}</th>");
        }
        page.Write("</tr></thead><tbody>");
        foreach (var category in categories)
        {
            page.Write($"<tr><td>{Html.Text(category.Name)}</td><td>{Html.Text(category.Unit)}</td>");
            foreach (var a in model.Alternatives)
            {
                var k = Index(a, category.Id);
                if (k < 0)
                {
                    page.Write("<td class=\"num\">unavailable (not assessed in this alternative)</td>");
                    continue;
                }
                var shares = k < a.DataProvenance.Count
                    ? NumberFormat.ProvenanceShares(a.DataProvenance[k].Measured, a.DataProvenance[k].Declared, a.DataProvenance[k].Modelled)
                    : "unavailable";
                var total = a.NotCoveredCategories.Any(c => c.Stage is null && c.Id == category.Id) && a.Totals[k] == 0
                    ? "not covered" : NumberFormat.Format(a.Totals[k]);
                page.Write($"<td class=\"num\">{Html.Text(total)}<br><small title=\"measured / declared / modelled\">{Html.Text(shares)}</small></td>");
            }
            page.Write("</tr>");
        }
        page.Write("</tbody></table>");
    }

    private static void Stages(TextWriter page, AlternativeResults alternative, bool named)
    {
        page.Write($"<h2>Life-cycle stages{(named ? $" — {Html.Text(alternative.Title)}" : "")}</h2><table class=\"list\"><thead><tr><th>Stage</th>");
        foreach (var category in alternative.Categories)
        {
            page.Write($"<th class=\"num\">{Html.Text(category.Name)} ({Html.Text(category.Unit)})</th>");
        }
        page.Write("</tr></thead><tbody>");
        foreach (var stage in alternative.Stages.Where(s => s.Values.Any(v => v != 0)))
        {
            var name = stage.Significant ? $"<strong>{Html.Text(stage.Stage)}</strong>" : Html.Text(stage.Stage);
            page.Write($"<tr><td>{name}</td>");
            for (var k = 0; k < stage.Values.Count; k++)
            {
                page.Write($"<td class=\"num\">{Html.Text(NumberFormat.Format(stage.Values[k]))} <small>{Html.Text(NumberFormat.Percent(stage.Shares[k]))}</small></td>");
            }
            page.Write("</tr>");
        }
        page.Write("</tbody></table><p class=\"meta\">Stages in bold are significant issues (at or above the study's threshold).</p>");
    }

    private static void Comparison(TextWriter page, ComparisonResults comparison)
    {
        page.Write(string.Create(CultureInfo.InvariantCulture,
            $"<h2>Comparison</h2><p>On common random numbers: {comparison.Iterations} Monte Carlo draws (seed {comparison.Seed}); P(A &lt; B) is the share of draws in which A's total is below B's.</p>"));
        page.Write("<table class=\"list\"><thead><tr><th>A</th><th>B</th>");
        foreach (var id in comparison.CategoryIds)
        {
            page.Write($"<th class=\"num\">P(A &lt; B), {Html.Text(id)}</th>");
        }
        page.Write("</tr></thead><tbody>");
        foreach (var pair in comparison.Pairs)
        {
            page.Write($"<tr><td>{Html.Text(pair.A)}</td><td>{Html.Text(pair.B)}</td>");
            foreach (var p in pair.ProbabilityALower)
            {
                page.Write($"<td class=\"num\">{Html.Text(double.IsNaN(p) ? "unavailable" : p.ToString("0.000", CultureInfo.InvariantCulture))}</td>");
            }
            page.Write("</tr>");
        }
        page.Write("</tbody></table>");
    }

    private static int Index(AlternativeResults alternative, string categoryId)
    {
        for (var k = 0; k < alternative.Categories.Count; k++)
        {
            if (alternative.Categories[k].Id == categoryId)
            {
                return k;
            }
        }
        return -1;
    }
}
