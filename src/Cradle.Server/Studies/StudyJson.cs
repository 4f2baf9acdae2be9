using System.Text.Json;
using Cradle.Store.Studies;
using Cradle.Syntax;

namespace Cradle.Server.Studies;

/// <summary>Studies, assessments and a study's problems as the API writes them (snake_case, times in UTC).</summary>
internal static class StudyJson
{
    public static void WriteStudy(Utf8JsonWriter w, StoredStudy study, string? text = null)
    {
        w.WriteStartObject();
        w.WriteString("id", study.Id);
        w.WriteString("name", study.Name);
        w.WriteString("sha256", study.Sha256);
        w.WriteNumber("bytes", study.Bytes);
        w.WriteString("tool_version", study.ToolVersion);
        w.WriteString("uploaded_utc", study.UploadedUtc.UtcDateTime);
        w.WriteNumber("assessments", study.Assessments);
        if (text is not null)
        {
            w.WriteString("text", text);
        }
        w.WriteEndObject();
    }

    public static void WriteAssessment(Utf8JsonWriter w, StoredAssessment assessment)
    {
        w.WriteStartObject();
        w.WriteString("id", assessment.Id);
        w.WriteString("study_id", assessment.StudyId);
        if (assessment.Iterations is { } n)
        {
            w.WriteNumber("iterations", n);
        }
        else
        {
            w.WriteNull("iterations");
        }
        if (assessment.Seed is { } seed)
        {
            w.WriteNumber("seed", seed);
        }
        else
        {
            w.WriteNull("seed");
        }
        w.WriteString("tool_version", assessment.ToolVersion);
        w.WriteString("created_utc", assessment.CreatedUtc.UtcDateTime);
        w.WriteNumber("bytes", assessment.Bytes);
        w.WriteString("results", $"/api/assessments/{Uri.EscapeDataString(assessment.Id)}");
        w.WriteString("report_html", $"/api/assessments/{Uri.EscapeDataString(assessment.Id)}/report.html");
        w.WriteString("report_md", $"/api/assessments/{Uri.EscapeDataString(assessment.Id)}/report.md");
        w.WriteEndObject();
    }

    /// <summary>
    /// One problem with what the CLI prints of it: code, severity, file, line and column (null when it has no single
    /// place), field, message (with its hint and the closest names, as the CLI words them), and the CLI's whole line.
    /// </summary>
    public static void WriteProblem(Utf8JsonWriter w, InputProblem problem)
    {
        w.WriteStartObject();
        w.WriteString("code", problem.Code);
        w.WriteString("severity", problem.Severity == Severity.Error ? "error" : "warning");
        if (problem.Location is { } at)
        {
            w.WriteString("file", at.File);
            w.WriteNumber("line", at.Line);
            w.WriteNumber("column", at.Column);
        }
        else
        {
            w.WriteNull("file");
            w.WriteNull("line");
            w.WriteNull("column");
        }
        w.WriteString("field", problem.Field);
        w.WriteString("message", problem.Message);
        w.WriteString("text", problem.ToString());
        w.WriteEndObject();
    }

    public static void WriteProblems(Utf8JsonWriter w, IEnumerable<InputProblem> problems)
    {
        foreach (var problem in problems)
        {
            WriteProblem(w, problem);
        }
    }
}
