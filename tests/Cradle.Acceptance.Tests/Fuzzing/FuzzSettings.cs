using System.Globalization;

namespace Cradle.Acceptance.Tests.Fuzzing;

/// <summary>
/// How many cases a fuzz test runs and from which seed. The default run is small enough for every test run;
/// <c>scripts/fuzz.sh</c> sets <c>CRADLE_FUZZ_CASES</c> (and optionally <c>CRADLE_FUZZ_SEED</c>,
/// <c>CRADLE_FUZZ_REPORT</c>) for the long run.
/// </summary>
internal static class FuzzSettings
{
    public static int Cases(int defaultCases) => ReadInt("CRADLE_FUZZ_CASES") ?? defaultCases;

    public static int Seed => ReadInt("CRADLE_FUZZ_SEED") ?? 20_261_128;

    /// <summary>A file to append the run's summary to, or null.</summary>
    public static string? ReportFile => Environment.GetEnvironmentVariable("CRADLE_FUZZ_REPORT") is { Length: > 0 } path ? path : null;

    private static int? ReadInt(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;
}
