using Cradle.Reports.Rendering;
using Cradle.Results.Json;
using Cradle.Server.Api;
using Cradle.Store.Studies;
using Cradle.Studies.Assessment;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Studies;

/// <summary>
/// The studies' REST API: upload and validate a study, list and read studies, assess one (results stored), read an
/// assessment's results document and its HTML and Markdown reports. A study with errors is a 400 <c>invalid-study</c>
/// listing the problems the CLI prints.
/// </summary>
internal static class StudyApi
{
    public static void Map(WebApplication app, StudyService studies)
    {
        app.MapPost("/api/studies/validate", context => ValidateAsync(context, studies));
        app.MapPost("/api/studies", context => UploadAsync(context, studies));
        app.MapGet("/api/studies", context => ApiResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("studies");
            foreach (var study in studies.State.Store.ListStudies())
            {
                StudyJson.WriteStudy(w, study);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
        app.MapGet("/api/studies/{study}", context =>
        {
            var id = RouteValue(context, "study");
            var study = studies.State.Store.FindStudy(id);
            var text = study is null ? null : studies.State.Store.GetStudyText(id);
            return study is null || text is null ? StudyNotFoundAsync(context, id) : ApiResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("study");
                StudyJson.WriteStudy(w, study, text);
                w.WriteEndObject();
            });
        });
        app.MapGet("/api/studies/{study}/assessments", context =>
        {
            var id = RouteValue(context, "study");
            return studies.State.Store.FindStudy(id) is null ? StudyNotFoundAsync(context, id) : ApiResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("assessments");
                foreach (var assessment in studies.State.Store.ListAssessments(id))
                {
                    StudyJson.WriteAssessment(w, assessment);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });
        app.MapPost("/api/studies/{study}/assessments", context => AssessAsync(context, studies));
        app.MapGet("/api/assessments/{id}", context =>
        {
            var id = RouteValue(context, "id");
            return studies.State.Store.GetAssessmentResults(id) is { } results
                ? ApiResponses.JsonTextAsync(context, StatusCodes.Status200OK, results)
                : AssessmentNotFoundAsync(context, id);
        });
        app.MapGet("/api/assessments/{id}/report.html", context => ReportAsync(context, studies, "html", "text/html; charset=utf-8"));
        app.MapGet("/api/assessments/{id}/report.md", context => ReportAsync(context, studies, "md", "text/markdown; charset=utf-8"));
    }

    private static async Task ValidateAsync(HttpContext context, StudyService studies)
    {
        if (await ReadStudyAsync(context).ConfigureAwait(false) is not { } text)
        {
            return;
        }
        var check = await studies.CheckAsync(text, context.RequestAborted).ConfigureAwait(false);
        if (!check.Valid)
        {
            await InvalidStudyAsync(context, check.Problems, "nothing was stored").ConfigureAwait(false);
            return;
        }
        await ApiResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("name", check.Name);
            // Warnings only: a study that compiles has no errors.
            w.WriteStartArray("problems");
            StudyJson.WriteProblems(w, check.Warnings);
            w.WriteEndArray();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task UploadAsync(HttpContext context, StudyService studies)
    {
        if (await ReadStudyAsync(context).ConfigureAwait(false) is not { } text)
        {
            return;
        }
        var outcome = await studies.UploadAsync(text, context.Request.Query["name"].ToString(), context.RequestAborted).ConfigureAwait(false);
        if (outcome.Study is not { } study)
        {
            await InvalidStudyAsync(context, outcome.Check.Problems, "nothing was stored").ConfigureAwait(false);
            return;
        }
        context.Response.Headers.Location = $"/api/studies/{Uri.EscapeDataString(study.Id)}";
        await ApiResponses.JsonAsync(context, outcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("study");
            StudyJson.WriteStudy(w, study);
            w.WriteBoolean("created", outcome.Created);
            w.WriteStartArray("problems");
            StudyJson.WriteProblems(w, outcome.Check.Warnings);
            w.WriteEndArray();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task AssessAsync(HttpContext context, StudyService studies)
    {
        var id = RouteValue(context, "study");
        if (studies.State.Store.FindStudy(id) is not { } study)
        {
            await StudyNotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }
        var (monteCarlo, refusal) = MonteCarloRequest.Read(context.Request.Query["mc"], context.Request.Query["seed"], studies.State.Options.MaxMonteCarloIterations);
        if (refusal is not null)
        {
            await ApiResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid-monte-carlo", refusal).ConfigureAwait(false);
            return;
        }
        StoredAssessment stored;
        string results;
        try
        {
            (stored, results) = await studies.AssessAsync(study, monteCarlo, context.RequestAborted).ConfigureAwait(false);
        }
        catch (StudyProblemsException e)
        {
            await InvalidStudyAsync(context, e.Problems, "nothing was assessed").ConfigureAwait(false);
            return;
        }
        catch (SamplingTooLargeException e)
        {
            await ApiResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, "sampling-too-large", e.Message).ConfigureAwait(false);
            return;
        }
        context.Response.Headers.Location = $"/api/assessments/{Uri.EscapeDataString(stored.Id)}";
        await ApiResponses.JsonAsync(context, StatusCodes.Status201Created, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("assessment");
            StudyJson.WriteAssessment(w, stored);
            // The results document exactly as stored and as GET /api/assessments/{id} serves it.
            w.WritePropertyName("results");
            w.WriteRawValue(results);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task ReportAsync(HttpContext context, StudyService studies, string format, string mediaType)
    {
        var id = RouteValue(context, "id");
        if (studies.State.Store.GetAssessmentResults(id) is not { } results)
        {
            await AssessmentNotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }
        // Rendered from the stored document, as 'cradle report' renders a results file.
        var model = ResultsReader.Read(results);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        ReportFormats.Write(model, format, writer);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = mediaType;
        await context.Response.WriteAsync(writer.ToString(), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The study's text from the body, or null when an error was answered (wrong media type, not UTF-8, empty).</summary>
    private static async Task<string?> ReadStudyAsync(HttpContext context)
    {
        if (!StudyBody.IsStudy(context.Request))
        {
            await ApiResponses.ErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                $"Send the study's text as the body with Content-Type {string.Join(", ", StudyBody.MediaTypes)}.").ConfigureAwait(false);
            return null;
        }
        var (text, refusal) = await StudyBody.ReadAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
        if (refusal is not null)
        {
            await ApiResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, "unreadable-study", refusal).ConfigureAwait(false);
        }
        return text;
    }

    private static Task InvalidStudyAsync(HttpContext context, IReadOnlyList<Syntax.InputProblem> problems, string consequence) =>
        ApiResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid-study",
            $"The study has {problems.Count} error(s); {consequence}. Each problem says where and how to fix it.",
            w => StudyJson.WriteProblems(w, problems));

    private static Task StudyNotFoundAsync(HttpContext context, string id) =>
        ApiResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "study-not-found", $"No study has id '{id}'; GET /api/studies lists them.");

    private static Task AssessmentNotFoundAsync(HttpContext context, string id) =>
        ApiResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "assessment-not-found",
            $"No assessment has id '{id}'; GET /api/studies/{{study}}/assessments lists a study's.");

    internal static string RouteValue(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? "";
}
