using System.Globalization;

namespace Cradle.Store;

/// <summary>
/// Run ids: the start time in UTC to the second and six random lower-case hex digits, e.g. 20260314-091502-3fa9c2.
/// They sort by start time as text, are short enough to type, and do not clash within one second (1 in 16.7 million
/// per pair; the store retries on a clash).
/// </summary>
public static class RunIds
{
    /// <summary>A new id for a run started at <paramref name="startedUtc"/>, drawing from <paramref name="random"/>.</summary>
    public static string New(DateTimeOffset startedUtc, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var suffix = random.Next(0, 1 << 24).ToString("x6", CultureInfo.InvariantCulture);
        return startedUtc.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + suffix;
    }
}
