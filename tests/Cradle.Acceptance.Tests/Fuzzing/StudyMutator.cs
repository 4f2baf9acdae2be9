using System.Globalization;
using System.Text;

namespace Cradle.Acceptance.Tests.Fuzzing;

/// <summary>
/// Seeded, text-level mutations of a YAML study: the kinds of damage people and tools do to files (a deleted key or
/// block, a value of the wrong type, extreme numbers, deep nesting, long strings, control characters, a truncated
/// file, a second document). Working on lines rather than on a parsed tree keeps the broken cases: half of them are
/// not valid YAML any more, and those must be reported as clearly as the valid ones.
/// </summary>
internal sealed class StudyMutator(Random random)
{
    /// <summary>Values that have broken, or could break, a reader or a range check.</summary>
    private static readonly string[] ExtremeScalars =
    [
        "0", "-1", "-0", "1e999", "-1e999", "1e308", "-1e308", "1e-320", "4.9e-324", "NaN", ".nan", ".inf", "-.inf",
        "Infinity", "2147483648", "9223372036854775808", "0.5", "1.5", "-4 year", "0 h", "1e308 kWh", "1e999 kWh",
        "-5 kWh", "1e308 kg CO2e", "\"\"", "''", "~", "null", "[]", "{}", "[1, 2]", "{a: 1}", "true", "yes",
        "1 kWh kWh", "1 m^200", "1 kg^-128", "1 request/request/request", "abs(-3)", "sqrt(-1)", "exp(1000)",
        "1/0", "0/0", "ln(0)", "x * y", "lifetime_requests", "prompts / 0", "1e6 request", "0.001 kWh/request",
        "2000 h", "1 GW", "1 TW", "1 GFLOP", "1 banana", "🦄", "\"\\u0000\"", "\"\\u001b[31mred\"", "\"a\\tb\"",
        "&anchor 1", "*nowhere", "!!binary aGVsbG8=", "!custom 1", "|\n  block", ">-\n  folded",
    ];

    /// <summary>Keys that are misspelt, empty, odd or hostile.</summary>
    private static readonly string[] OddKeys =
    [
        "\"\"", "\"a\\u001bb\"", "\"tab\\tkey\"", "\"nul\\u0000key\"", "? [a, b]", "? {x: 1}", "per_nod", "pue ",
        "valu", "uncertainty", "1", "~", "\"ü\"", "<script>alert(1)</script>", "{{template}}", "$(rm -rf /)",
    ];

    private readonly Random random = random;

    /// <summary>The text with one or two mutations applied, and a description of what was done (for failure messages).</summary>
    public (string Text, string Description) Mutate(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var done = new List<string>();
        // Mostly one mutation, so that many cases stay close enough to valid to reach the compiler and the engine.
        var count = random.Next(4) == 0 ? 2 : 1;
        for (var i = 0; i < count && lines.Count > 0; i++)
        {
            done.Add(MutateOnce(lines));
        }
        return (string.Join('\n', lines), string.Join("; ", done));
    }

    private string MutateOnce(List<string> lines)
    {
        var at = random.Next(lines.Count);
        switch (random.Next(16))
        {
            case 0:
                lines.RemoveAt(at);
                return $"deleted line {at + 1}";
            case 1:
                var removed = RemoveBlock(lines, at);
                return $"deleted the block at line {at + 1} ({removed} lines)";
            case 2:
            case 3:
            case 4:
                return ReplaceValue(lines, Pick(ExtremeScalars));
            case 5:
                return ReplaceKey(lines, Pick(OddKeys));
            case 6:
                lines.Insert(at, lines[at]);
                return $"duplicated line {at + 1}";
            case 7:
                return ReplaceValue(lines, random.Next(3) switch { 0 => "[a, b]", 1 => "{value: [1]}", _ => "[]" });
            case 8:
                var depth = Pick([10, 64, 200, 1000, 30_000]);
                return ReplaceValue(lines, random.Next(2) == 0 ? Nested("[", "]", depth) : Nested("{a: ", "}", depth));
            case 9:
                var calls = Pick([10, 200, 1000, 10_000]);
                return ReplaceValue(lines, Nested("abs(", ")", calls).Replace("abs()", "abs(1)", StringComparison.Ordinal));
            case 10:
                var terms = Pick([100, 1000, 20_000]);
                return ReplaceValue(lines, string.Join(" + ", Enumerable.Repeat("1", terms)));
            case 11:
                var length = Pick([1000, 100_000, 1_000_000]);
                return random.Next(2) == 0
                    ? ReplaceValue(lines, new string('x', length))
                    : ReplaceKey(lines, new string('k', length));
            case 12:
                var unitLength = Pick([100, 2000, 8500]);
                return ReplaceValue(lines, "1 " + string.Join("*", Enumerable.Repeat("kWh", unitLength / 4)));
            case 13:
                var cut = random.Next(lines.Count);
                lines.RemoveRange(cut, lines.Count - cut);
                if (lines.Count > 0)
                {
                    var last = lines[^1];
                    lines[^1] = last[..random.Next(last.Length + 1)];
                }
                return $"truncated at line {cut}";
            case 14:
                lines.Insert(at, new string(' ', random.Next(6)) + lines[at].TrimStart());
                lines.RemoveAt(at + 1);
                return $"re-indented line {at + 1}";
            default:
                var appended = Pick(["---\nname: second", "...\n---\ncradle: 1", "? [a, b]\n: 1", "\u0001", "\t- tab", "x: \u001b[2J",
                    "? &a [*a]\n: 1", "x: &m [1, 2]\ny: [*m, *m]", "? *nowhere\n: 1"]);
                lines.AddRange(appended.Split('\n'));
                return $"appended '{Escape(appended)}'";
        }
    }

    private string ReplaceValue(List<string> lines, string value)
    {
        var candidates = Enumerable.Range(0, lines.Count).Where(i => ValueStart(lines[i]) >= 0).ToList();
        if (candidates.Count == 0)
        {
            return "no value to replace";
        }
        var i = candidates[random.Next(candidates.Count)];
        var start = ValueStart(lines[i]);
        lines[i] = lines[i][..start] + value;
        return $"line {i + 1}: value -> '{Escape(Shorten(value))}'";
    }

    private string ReplaceKey(List<string> lines, string key)
    {
        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(':', StringComparison.Ordinal) && !lines[i].TrimStart().StartsWith('#')).ToList();
        if (candidates.Count == 0)
        {
            return "no key to replace";
        }
        var i = candidates[random.Next(candidates.Count)];
        var line = lines[i];
        var indent = line.Length - line.TrimStart().Length;
        var prefix = line.TrimStart().StartsWith("- ", StringComparison.Ordinal) ? "- " : "";
        lines[i] = new string(' ', indent) + prefix + key + line[line.IndexOf(':', StringComparison.Ordinal)..];
        return $"line {i + 1}: key -> '{Escape(Shorten(key))}'";
    }

    /// <summary>Where a "key: value" line's value starts, or -1 when the line has no inline value.</summary>
    private static int ValueStart(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith('#'))
        {
            return -1;
        }
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return trimmed.StartsWith("- ", StringComparison.Ordinal) ? line.IndexOf("- ", StringComparison.Ordinal) + 2 : -1;
        }
        return colon + 2 < line.Length ? colon + 2 : -1;
    }

    private static int RemoveBlock(List<string> lines, int at)
    {
        var indent = Indent(lines[at]);
        var end = at + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || Indent(lines[end]) > indent))
        {
            end++;
        }
        lines.RemoveRange(at, end - at);
        return end - at;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static string Nested(string open, string close, int depth)
    {
        var builder = new StringBuilder(depth * (open.Length + close.Length) + 1);
        builder.Insert(0, open, depth);
        builder.Insert(builder.Length, close, depth);
        return builder.ToString();
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static string Shorten(string text) =>
        text.Length <= 60 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..30]}…({text.Length} chars)");

    /// <summary>Control characters as \uXXXX, so a failure message can be read and the case rebuilt.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
