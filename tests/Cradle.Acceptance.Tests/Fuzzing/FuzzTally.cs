using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cradle.Acceptance.Tests.Fuzzing;

/// <summary>Counts of a fuzz run (by exit code and by problem code) and the cases that broke a rule.</summary>
internal sealed partial class FuzzTally(string name)
{
    private readonly SortedDictionary<int, int> exitCodes = [];
    private readonly SortedDictionary<string, int> problemCodes = new(StringComparer.Ordinal);
    private readonly List<string> failures = [];

    public int Cases { get; private set; }

    public IReadOnlyList<string> Failures => failures;

    public void Count(int exitCode, string error)
    {
        Cases++;
        exitCodes[exitCode] = exitCodes.GetValueOrDefault(exitCode) + 1;
        foreach (Match match in ProblemCode().Matches(error))
        {
            var code = match.Groups[1].Value;
            problemCodes[code] = problemCodes.GetValueOrDefault(code) + 1;
        }
    }

    public void Fail(string what) => failures.Add(what);

    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{name}: {Cases} cases, {failures.Count} broke a rule");
        text.AppendLine("  exit codes: " + string.Join(", ", exitCodes.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: {p.Value}"))));
        text.AppendLine("  problem codes (occurrences): " + string.Join(", ", problemCodes.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}"))));
        return text.ToString();
    }

    public void Report(Xunit.Abstractions.ITestOutputHelper output)
    {
        var summary = Summary();
        output.WriteLine(summary);
        foreach (var failure in failures.Take(200))
        {
            output.WriteLine(failure);
        }
        if (FuzzSettings.ReportFile is { } file)
        {
            File.AppendAllText(file, summary);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases broke a rule; the first:\n" + string.Join("\n\n", failures.Take(8)));
    }

    [GeneratedRegex(@"error \[([a-z0-9-]+)\]")]
    private static partial Regex ProblemCode();
}
