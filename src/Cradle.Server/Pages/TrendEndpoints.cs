using System.Globalization;
using Cradle.Reports.Trends;
using Cradle.Server.Api;
using Cradle.Server.Trends;
using Cradle.Trends.Trends;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cradle.Server.Pages;

/// <summary>
/// The trends view: <c>/trends</c> (the dataset, what was assessed and skipped, each indicator's growth per scenario,
/// and the full trends report), <c>/trends/report.html</c> and <c>/api/trends</c> (<c>cradle.trends/1</c>). Shown when
/// the server was started with <c>--trends FILE</c>; otherwise the page says how.
/// </summary>
internal static class TrendEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/trends", PageAsync);
        app.MapGet("/trends/report.html", async context =>
        {
            if (await OutcomeAsync(context).ConfigureAwait(false) is not { Study: not null } outcome)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(outcome.ReportHtml, context.RequestAborted).ConfigureAwait(false);
        });
        app.MapGet("/api/trends", async context =>
        {
            var outcome = await OutcomeAsync(context).ConfigureAwait(false);
            if (outcome is null)
            {
                await ApiResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "no-trends-dataset",
                    "This server was started without a dataset: restart it with 'cradle serve --trends notable_ai_models.csv' (Epoch AI's table).").ConfigureAwait(false);
                return;
            }
            if (outcome.Problem is { } problem)
            {
                await ApiResponses.ErrorAsync(context, StatusCodes.Status500InternalServerError, "trends-failed", problem).ConfigureAwait(false);
                return;
            }
            await ApiResponses.JsonTextAsync(context, StatusCodes.Status200OK, outcome.Json).ConfigureAwait(false);
        });
    }

    private static async Task<TrendsOutcome?> OutcomeAsync(HttpContext context) =>
        context.RequestServices.GetService<TrendsView>() is { } view ? await view.GetAsync().ConfigureAwait(false) : null;

    private static async Task PageAsync(HttpContext context)
    {
        var view = context.RequestServices.GetService<TrendsView>();
        var outcome = view is null ? null : await view.GetAsync().ConfigureAwait(false);
        await PageLayout.WriteAsync(context, "Trends", "/trends", w =>
        {
            w.Write("<h1>Trends</h1>");
            if (outcome is null)
            {
                w.Write("<p>No dataset: start the server with <code>cradle serve --trends notable_ai_models.csv</code> (Epoch AI's ");
                w.Write("Notable AI Models table, CC BY 4.0) to see the training footprint of every model in it over time, under ");
                w.Write("location-shifting, carbon-aware and hardware scenarios (docs/trends.md).</p>");
                return;
            }
            if (outcome.Problem is { } problem)
            {
                w.Write($"<p class=\"problem\">{Html.Text(problem)}</p>");
                return;
            }
            Summary(w, outcome);
            w.Write("<p><a href=\"/api/trends\">JSON (cradle.trends/1)</a> · <a href=\"/trends/report.html\">report on its own page</a></p>");
            w.Write("<iframe class=\"report\" title=\"Trends report\" src=\"/trends/report.html\"></iframe>");
        }).ConfigureAwait(false);
    }

    private static void Summary(TextWriter w, TrendsOutcome outcome)
    {
        var study = outcome.Study!;
        var selection = study.Selection;
        w.Write(FormattableString.Invariant(
            $"<p>{Html.Text(study.Dataset)}: {study.Rows} rows, {selection.Assessable.Count} assessed, {selection.Skipped.Count} skipped"));
        var reasons = selection.SkippedByFirstReason.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => FormattableString.Invariant($"{Html.Text(r.Key)} {r.Value}"));
        w.Write($" (by first reason: {string.Join(", ", reasons)}). Production estimator {Html.Text(study.Estimator)}.</p>");
        w.Write("<table><caption>Growth per year of the training footprint (use + production), with its 95 % band</caption>");
        w.Write("<tr><th>Scenario</th><th>Indicator</th><th class=\"num\">Models</th><th class=\"num\">× per year</th><th class=\"num\">Doubling time (years)</th></tr>");
        foreach (var scenario in study.Trends)
        {
            foreach (var trend in scenario.Trends.Where(t => t.Phase == Phase.Total))
            {
                w.Write($"<tr><td>{Html.Text(scenario.ScenarioId)}</td><td>{Html.Text(TrendsText.Name(trend.Indicator))}</td>");
                w.Write(FormattableString.Invariant($"<td class=\"num\">{trend.Models}</td>"));
                if (trend.Fit is { } fit)
                {
                    w.Write(FormattableString.Invariant($"<td class=\"num\">{fit.GrowthPerYear:0.00} [{fit.GrowthPerYearLow:0.00}–{fit.GrowthPerYearHigh:0.00}]</td>"));
                    w.Write($"<td class=\"num\">{Years(fit.DoublingYears)} [{Years(fit.DoublingYearsLow)}–{Years(fit.DoublingYearsHigh)}]</td></tr>");
                }
                else
                {
                    w.Write($"<td colspan=\"2\">no fit: {Html.Text(trend.Missing)}</td></tr>");
                }
            }
        }
        w.Write("</table>");
    }

    private static string Years(double? years) => years is { } y ? y.ToString("0.00", CultureInfo.InvariantCulture) : "no doubling";
}
