using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Cradle.Server.Tests.Studies;

/// <summary>
/// The studies' pages on a real server: paste and upload forms (redirect to the study), a bad study shown again with
/// each problem at its line (400), escaping of what a study says, the assess form and the assessment page.
/// </summary>
public sealed class StudyPagesTests
{
    private static HttpClient NoRedirects(ServerHost server) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(120) };

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private static string Escaped(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);

    private static FormUrlEncodedContent Paste(string text) => new([new("text", text)]);

    [Fact]
    public async Task Pasting_a_study_stores_it_and_opens_its_page()
    {
        await using var server = await ServerHost.StartAsync();
        using var client = NoRedirects(server);
        // A browser sends a textarea with CR LF line ends; the study is kept with LF.
        using var posted = await client.PostAsync(Path("/studies"), Paste(StudyTexts.Example.ReplaceLineEndings("\r\n")));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/studies/", location, StringComparison.Ordinal);
        var id = location["/studies/".Length..];
        Assert.Equal(StudyTexts.Example, server.Store.GetStudyText(id));

        var page = await client.GetStringAsync(Path(location));
        Assert.Contains($"<h1>{Escaped(StudyTexts.ExampleName)}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<tr id=\"L10\"><td class=\"ln\"><a href=\"#L10\">10</a></td>", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/studies/{id}/assess\"", page, StringComparison.Ordinal);

        var list = await client.GetStringAsync(Path("/studies"));
        Assert.Contains($"<a href=\"/studies/{id}\">{Escaped(StudyTexts.ExampleName)}</a>", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploading_a_file_stores_it()
    {
        await using var server = await ServerHost.StartAsync();
        using var client = NoRedirects(server);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(StudyTexts.Example));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        form.Add(file, "file", "study.yaml");
        form.Add(new StringContent(""), "text");

        using var posted = await client.PostAsync(Path("/studies"), form);

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var id = posted.Headers.Location!.OriginalString["/studies/".Length..];
        Assert.Equal(StudyTexts.Example, server.Store.GetStudyText(id));
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_413()
    {
        await using var server = await ServerHost.StartAsync(o => o with { MaxUploadBytes = 2048 });
        using var client = NoRedirects(server);
        using var form = new MultipartFormDataContent();
        // 4096 bytes of file against a limit of 2048 for the whole body.
        form.Add(new ByteArrayContent(new byte[4096]), "file", "study.yaml");

        using var posted = await client.PostAsync(Path("/studies"), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        Assert.Contains("2 KiB (2048 bytes)", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(server.Store.ListStudies());
    }

    [Fact]
    public async Task A_bad_study_is_shown_again_with_each_problem_at_its_line()
    {
        await using var server = await ServerHost.StartAsync();
        using var client = NoRedirects(server);
        var text = StudyTexts.UnknownDevice();
        var problem = StudyTexts.CliProblems(text)[0];

        using var posted = await client.PostAsync(Path("/studies"), Paste(text));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var page = await posted.Content.ReadAsStringAsync();
        var line = problem.Location!.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"<tr id=\"L{line}\" class=\"problem-line\">", page, StringComparison.Ordinal);
        Assert.Contains(Escaped(problem.Message), page, StringComparison.Ordinal);
        Assert.Contains($"[{problem.Code}]", page, StringComparison.Ordinal);
        Assert.Empty(server.Store.ListStudies());
    }

    [Fact]
    public async Task What_a_study_says_is_escaped_in_every_page()
    {
        await using var server = await ServerHost.StartAsync();
        using var client = NoRedirects(server);
        using var posted = await client.PostAsync(Path("/studies"), Paste(StudyTexts.Named("<script>alert(1)</script> & co")));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;

        foreach (var page in new[] { await client.GetStringAsync(Path("/studies")), await client.GetStringAsync(Path(location)) })
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_assess_form_opens_the_assessment_with_its_summary_and_report()
    {
        await using var server = await ServerHost.StartAsync(o => o with { MaxMonteCarloIterations = 50 });
        using var client = NoRedirects(server);
        using var posted = await client.PostAsync(Path("/studies"), Paste(StudyTexts.Example));
        var study = posted.Headers.Location!.OriginalString;

        using var tooMany = await client.PostAsync(Path(study + "/assess"), new FormUrlEncodedContent([new("mc", "51"), new("seed", "")]));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("over this server&#x27;s limit of 50 iterations", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var assessed = await client.PostAsync(Path(study + "/assess"), new FormUrlEncodedContent([new("mc", ""), new("seed", "")]));
        Assert.Equal(HttpStatusCode.SeeOther, assessed.StatusCode);
        var location = assessed.Headers.Location!.OriginalString;
        Assert.StartsWith("/assessments/", location, StringComparison.Ordinal);
        var id = location["/assessments/".Length..];

        var page = await client.GetStringAsync(Path(location));
        Assert.Contains($"<iframe class=\"report\" src=\"/api/assessments/{id}/report.html\"", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Totals per functional unit</h2>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/assessments/{id}/report.md\"", page, StringComparison.Ordinal);
        Assert.Contains("deterministic (no Monte Carlo)", page, StringComparison.Ordinal);
        var studyPage = await client.GetStringAsync(Path(study));
        Assert.Contains($"<a href=\"/assessments/{id}\">", studyPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_from_another_site_is_refused()
    {
        await using var server = await ServerHost.StartAsync();
        using var client = NoRedirects(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, Path("/studies")) { Content = Paste(StudyTexts.Example) };
        request.Headers.Add("Origin", "https://elsewhere.example");

        using var answer = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Empty(server.Store.ListStudies());
    }

    [Fact]
    public async Task Unknown_study_and_assessment_pages_are_404()
    {
        await using var server = await ServerHost.StartAsync();
        using var study = await server.Client.GetAsync(Path("/studies/nope"));
        Assert.Equal(HttpStatusCode.NotFound, study.StatusCode);
        using var assessment = await server.Client.GetAsync(Path("/assessments/nope"));
        Assert.Equal(HttpStatusCode.NotFound, assessment.StatusCode);
    }
}
