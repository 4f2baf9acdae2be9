using System.Globalization;
using Cradle.Server.Pages;
using Cradle.Syntax;

namespace Cradle.Server.Studies;

/// <summary>
/// A study's text with line numbers, each line an anchor (<c>#L12</c>), and each problem beside its line: the line is
/// marked <c>problem-line</c> and the problem's code, field and message (with its hint) are shown next to it. Problems
/// without a line are listed above the text.
/// </summary>
internal static class StudyTextView
{
    public static void Write(TextWriter page, string text, IReadOnlyList<InputProblem> problems)
    {
        var byLine = problems.Where(p => p.Location is not null).ToLookup(p => p.Location!.Line);
        var unplaced = problems.Where(p => p.Location is null).ToList();
        if (unplaced.Count > 0)
        {
            page.Write("<ul class=\"problems\">");
            foreach (var problem in unplaced)
            {
                page.Write($"<li class=\"{Severity(problem)}\">{Describe(problem)}</li>");
            }
            page.Write("</ul>");
        }
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length > 1 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }
        page.Write("<table class=\"study-text\"><tbody>");
        for (var i = 0; i < lines.Length; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var here = byLine[i + 1].ToList();
            var mark = here.Count == 0 ? "" : " class=\"problem-line\"";
            page.Write($"<tr id=\"L{number}\"{mark}><td class=\"ln\"><a href=\"#L{number}\">{number}</a></td><td class=\"code\"><code>{Html.Text(lines[i])}</code></td><td class=\"note\">");
            foreach (var problem in here)
            {
                page.Write($"<p class=\"{Severity(problem)}\">{Describe(problem)}</p>");
            }
            page.Write("</td></tr>");
        }
        // A problem past the last line (the end of the file) is still shown.
        foreach (var problem in problems.Where(p => p.Location is { } at && at.Line > lines.Length))
        {
            page.Write($"<tr class=\"problem-line\"><td class=\"ln\"></td><td class=\"code\"></td><td class=\"note\"><p class=\"{Severity(problem)}\">{Describe(problem)}</p></td></tr>");
        }
        page.Write("</tbody></table>");
    }

    /// <summary>"error [unknown-key] line 12, column 5, stages.pre-training: message" — escaped.</summary>
    private static string Describe(InputProblem problem)
    {
        var where = problem.Location is { } at ? string.Create(CultureInfo.InvariantCulture, $"line {at.Line}, column {at.Column}: ") : "";
        var field = problem.Field.Length == 0 ? "" : $"<code>{Html.Text(problem.Field)}</code>: ";
        return $"<strong>{(problem.Severity == Syntax.Severity.Error ? "error" : "warning")} [{Html.Text(problem.Code)}]</strong> {where}{field}{Html.Text(problem.Message)}";
    }

    private static string Severity(InputProblem problem) => problem.Severity == Syntax.Severity.Error ? "problem error" : "problem warning";
}
