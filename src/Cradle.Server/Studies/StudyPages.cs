using Cradle.Server.Pages;
using Cradle.Studies.Assessment;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Studies;

/// <summary>
/// The studies' pages: <c>/studies</c> (list, upload or paste), <c>/studies/{study}</c> (text and assess),
/// <c>/assessments/{id}</c> (summary and report). Forms post without script and are answered with a redirect (303) to
/// the page of what was made, or with the form again (400) showing the problems.
/// </summary>
internal static class StudyPages
{
    public const string Section = "/studies";

    public static void Map(WebApplication app, StudyService studies)
    {
        app.MapGet("/studies", context => StudyListPage.WriteAsync(context, studies, null, null));
        app.MapPost("/studies", context => UploadAsync(context, studies));
        app.MapGet("/studies/{study}", context => StudyPage.WriteAsync(context, studies, StudyApi.RouteValue(context, "study"), null));
        app.MapPost("/studies/{study}/assess", context => AssessAsync(context, studies));
        app.MapGet("/assessments/{id}", context => AssessmentPage.WriteAsync(context, studies, StudyApi.RouteValue(context, "id")));
    }

    private static async Task UploadAsync(HttpContext context, StudyService studies)
    {
        if (await FormAsync(context).ConfigureAwait(false) is not { } form)
        {
            return;
        }
        string? text;
        string? refusal;
        var file = form.Files.GetFile("file");
        if (file is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream())
            {
                await stream.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            }
            (text, refusal) = StudyBody.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        else
        {
            // A browser sends a textarea's line ends as CR LF; the study is kept with the LF a file has.
            (text, refusal) = StudyBody.Decode(System.Text.Encoding.UTF8.GetBytes(form["text"].ToString().ReplaceLineEndings("\n")));
        }
        if (text is null)
        {
            await StudyListPage.WriteAsync(context, studies, null, refusal, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }
        var outcome = await studies.UploadAsync(text, file?.FileName, context.RequestAborted).ConfigureAwait(false);
        if (outcome.Study is not { } study)
        {
            await StudyListPage.WriteAsync(context, studies, (text, outcome.Check), null, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }
        context.Response.Redirect($"/studies/{Html.Url(study.Id)}");
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    private static async Task AssessAsync(HttpContext context, StudyService studies)
    {
        if (await FormAsync(context).ConfigureAwait(false) is not { } form)
        {
            return;
        }
        var id = StudyApi.RouteValue(context, "study");
        if (studies.State.Store.FindStudy(id) is not { } study)
        {
            await StudyPage.WriteAsync(context, studies, id, null).ConfigureAwait(false);
            return;
        }
        var (monteCarlo, refusal) = MonteCarloRequest.Read(form["mc"], form["seed"], studies.State.Options.MaxMonteCarloIterations);
        if (refusal is null)
        {
            try
            {
                var (stored, _) = await studies.AssessAsync(study, monteCarlo, context.RequestAborted).ConfigureAwait(false);
                context.Response.Redirect($"/assessments/{Html.Url(stored.Id)}");
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                return;
            }
            catch (StudyProblemsException e)
            {
                refusal = $"The study has {e.Problems.Count} error(s); nothing was assessed: " + string.Join(" ", e.Problems.Select(p => p.ToString()));
            }
            catch (SamplingTooLargeException e)
            {
                refusal = e.Message;
            }
        }
        await StudyPage.WriteAsync(context, studies, id, refusal, StatusCodes.Status400BadRequest).ConfigureAwait(false);
    }

    /// <summary>
    /// The posted form, or null when refused: a form posted from another site (its Origin is not this server: a page
    /// elsewhere cannot make the browser store or assess studies here), or a body that is not a form.
    /// </summary>
    private static async Task<IFormCollection?> FormAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && (!Uri.TryCreate(origin, UriKind.Absolute, out var from)
            || !string.Equals(from.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            await ErrorPageAsync(context, StatusCodes.Status403Forbidden, "This form was sent from another site; open the page on this server and send it from there.").ConfigureAwait(false);
            return null;
        }
        if (!context.Request.HasFormContentType)
        {
            await ErrorPageAsync(context, StatusCodes.Status400BadRequest, "Send the page's form (multipart/form-data or application/x-www-form-urlencoded).").ConfigureAwait(false);
            return null;
        }
        return await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
    }

    internal static Task ErrorPageAsync(HttpContext context, int status, string message) =>
        PageLayout.WriteAsync(context, "Studies", Section, page =>
        {
            page.Write($"<h1>Studies</h1><p class=\"error\">{Html.Text(message)}</p><p><a href=\"/studies\">Back to the studies</a></p>");
        }, status);
}
