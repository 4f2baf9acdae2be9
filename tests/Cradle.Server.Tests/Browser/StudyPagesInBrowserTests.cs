using System.Globalization;
using System.Net;
using Cradle.Server.Tests.Studies;
using Cradle.Testing.Browser;

namespace Cradle.Server.Tests.Browser;

/// <summary>
/// The studies' pages in headless Chromium: a bad study submitted through the form comes back with its problem beside
/// its line, and an assessment page shows the full report in a same-origin frame with its charts drawn. Nothing is asked
/// of another origin.
/// </summary>
public sealed class StudyPagesInBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_bad_study_submitted_through_the_form_shows_its_problem_at_its_line()
    {
        await using var server = await ServerHost.StartAsync();
        var text = StudyTexts.UnknownDevice();
        var problems = StudyTexts.CliProblems(text);
        var problem = problems[0];
        var line = problem.Location!.Line.ToString(CultureInfo.InvariantCulture);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await using var page = await chromium.Browser.OpenPageAsync(new Uri(server.Address, "/studies"), 1200, 800, limit.Token);
        var form = await page.CheckAsync(limit.Token);
        // The study's text goes in as an escaped string literal, so nothing in it is read as script.
        var literal = "\"" + System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(text) + "\"";
        await page.EvaluateAsync(
            $"(() => {{ const t = document.querySelector('form textarea[name=text]'); t.value = {literal}; t.form.submit(); return true; }})()",
            limit.Token);
        await page.WaitForAsync("document.readyState === 'complete' && document.querySelector('tr.problem-line') !== null", PageSetups.DrawTimeout, limit.Token);
        var marked = await page.EvaluateAsync("[...document.querySelectorAll('tr.problem-line')].map(r => r.id)", limit.Token);
        var note = await page.EvaluateAsync($"document.querySelector('tr#L{line}.problem-line td.note').textContent", limit.Token);
        var kept = await page.EvaluateAsync("document.querySelector('form textarea[name=text]').value", limit.Token);
        var check = await page.CheckAsync(limit.Token);

        Assert.True(form.IsClean, form.Describe());
        // Each located problem marks its own line and no other line is marked.
        Assert.Equal(problems.Where(p => p.Location is not null).Select(p => "L" + p.Location!.Line.ToString(CultureInfo.InvariantCulture)).Distinct(),
            marked.EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("L" + line, marked.EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(problem.Message, note.GetString(), StringComparison.Ordinal);
        Assert.Contains($"[{problem.Code}]", note.GetString(), StringComparison.Ordinal);
        // The text is shown again in the form (LF line ends), to be corrected.
        Assert.Equal(text, (kept.GetString() ?? "").ReplaceLineEndings("\n"));
        // The one thing not clean is the answer itself: a study with errors is refused with 400, and the page is it.
        // Chromium logs that status to the console as well; nothing else is reported.
        var studies = new Uri(server.Address, "/studies").AbsoluteUri;
        Assert.Equal([$"network: Failed to load resource: the server responded with a status of 400 (Bad Request) ({studies})"], check.ConsoleErrors);
        Assert.Equal([$"{studies}: HTTP 400"], check.FailedResources);
        Assert.Empty(check.BrokenImages);
        Assert.Empty(check.RequestsOutside(server.Address));
        Assert.Contains(check.Requests, r => r.ResourceType == "Document" && r.Method == "POST" && new Uri(r.Url).AbsolutePath == "/studies");
        Assert.Empty(server.Store.ListStudies());
    }

    [Fact]
    public async Task An_assessment_page_shows_the_report_with_its_charts_in_a_same_origin_frame()
    {
        await using var server = await ServerHost.StartAsync();
        using var uploaded = await server.Client.PostAsync(new Uri("/api/studies", UriKind.Relative), StudyTexts.Yaml(StudyTexts.Example));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        using var assessed = await server.Client.PostAsync(new Uri(uploaded.Headers.Location!.OriginalString + "/assessments", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        var id = assessed.Headers.Location!.OriginalString["/api/assessments/".Length..];
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await using var page = await chromium.Browser.OpenPageAsync(new Uri(server.Address, "/assessments/" + id), 1200, 800, limit.Token);
        const string Report = "document.querySelector('iframe.report').contentDocument";
        await page.WaitForAsync($"{Report}?.readyState === 'complete' && {Report}.querySelector('svg') !== null", PageSetups.DrawTimeout, limit.Token);
        var charts = await page.EvaluateAsync($"{Report}.querySelectorAll('svg').length", limit.Token);
        var frame = await page.EvaluateAsync($"{Report}.location.pathname", limit.Token);
        var check = await page.CheckAsync(limit.Token);
        PageSetups.WriteScreenshotIfAsked(check, "serve-assessment.png");

        Assert.True(charts.GetInt32() >= 1);
        Assert.Equal($"/api/assessments/{id}/report.html", frame.GetString());
        Assert.True(check.IsClean, check.Describe());
        Assert.Empty(check.RequestsOutside(server.Address));
        Assert.Contains(check.Requests, r => r.ResourceType == "Document" && new Uri(r.Url).AbsolutePath == $"/api/assessments/{id}/report.html");
        Assert.True(check.ScreenshotHasContent(), check.Describe());
    }

    [Fact]
    public async Task The_assess_form_sent_from_a_study_page_opens_the_new_assessment()
    {
        await using var server = await ServerHost.StartAsync();
        using var uploaded = await server.Client.PostAsync(new Uri("/api/studies", UriKind.Relative), StudyTexts.Yaml(StudyTexts.Example));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var study = uploaded.Headers.Location!.OriginalString["/api/studies/".Length..];
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await using var page = await chromium.Browser.OpenPageAsync(new Uri(server.Address, "/studies/" + study), 1200, 800, limit.Token);
        // The button, as a person presses it (the form posts to this server: its Origin must be accepted).
        await page.EvaluateAsync("(() => { document.querySelector('form.assess button[type=submit]').click(); return true; })()", limit.Token);
        await page.WaitForAsync("location.pathname.startsWith('/assessments/') && document.readyState === 'complete'", PageSetups.DrawTimeout, limit.Token);
        var opened = (await page.EvaluateAsync("location.pathname", limit.Token)).GetString() ?? "";
        var check = await page.CheckAsync(limit.Token);

        Assert.True(check.IsClean, check.Describe());
        Assert.Empty(check.RequestsOutside(server.Address));
        Assert.Contains(check.Requests, r => r.ResourceType == "Document" && r.Method == "POST" && new Uri(r.Url).AbsolutePath == $"/studies/{study}/assess");
        var assessment = Assert.Single(server.Store.ListAssessments(study));
        Assert.Equal("/assessments/" + assessment.Id, opened);
    }
}
