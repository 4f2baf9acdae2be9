using System.Text.RegularExpressions;

namespace Cradle.Acceptance.Tests.Fuzzing;

/// <summary>
/// What every run on any input must satisfy: exit 0, 1 or 2; no stack trace and no "internal error"; and an input error
/// (exit 1) says where it is: each coded problem starts with file:line:column, and the message names the file with a line;
/// no message line echoes a huge input back whole.
/// </summary>
internal static partial class ExitRules
{
    /// <summary>The longest line a message may have: long enough for a list of suggestions, short of an echoed megabyte.</summary>
    private const int LongestLine = 4_000;

    /// <summary>The rules <paramref name="run"/> broke, as text; empty when it kept them all.</summary>
    /// <param name="run">The finished run.</param>
    /// <param name="inputFile">The input file as passed on the command line: exit-1 messages must name it with a line.</param>
    public static IReadOnlyList<string> Broken(CliRunner.Run run, string inputFile)
    {
        var broken = new List<string>();
        var all = run.Output + run.Error;
        if (run.ExitCode is not (0 or 1 or 2))
        {
            broken.Add($"exit code {run.ExitCode}");
        }
        if (all.Contains("internal error", StringComparison.OrdinalIgnoreCase) || all.Contains("Unhandled exception", StringComparison.Ordinal))
        {
            broken.Add("an internal error");
        }
        if (StackFrame().IsMatch(all))
        {
            broken.Add("a stack trace");
        }
        if (run.Error.Split('\n').FirstOrDefault(l => l.Length > LongestLine) is { } longLine)
        {
            broken.Add($"a message line of {longLine.Length} characters (input echoed back uncut)");
        }
        if (run.ExitCode == 1)
        {
            if (!Regex.IsMatch(run.Error, Regex.Escape(inputFile) + @":\d+"))
            {
                broken.Add("an input error that does not name the file and a line");
            }
            foreach (var line in run.Error.Split('\n').Where(l => CodedError().IsMatch(l) && !l.StartsWith(inputFile + ":", StringComparison.Ordinal) && !LocatedElsewhere().IsMatch(l)))
            {
                broken.Add($"a coded error without a place: {line}");
            }
        }
        return broken;
    }

    [GeneratedRegex(@"^\s+at [\w.`<>$|]+[.(]", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"(^|: )error \[[a-z0-9-]+\]")]
    private static partial Regex CodedError();

    /// <summary>A problem placed in another file (a catalog file the study names): still a place.</summary>
    [GeneratedRegex(@"^\S+:\d+:\d+: error \[")]
    private static partial Regex LocatedElsewhere();
}
