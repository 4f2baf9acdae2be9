using System.Globalization;

namespace Cradle.Store.Sqlite;

/// <summary>How values are written as SQLite text: times as ISO 8601 UTC with 100 ns ticks (so they sort as text and
/// round-trip exactly), enums as lower-case words.</summary>
internal static class SqliteText
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string text) => new(
        DateTime.SpecifyKind(DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc));

    public static string Status(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Complete => "complete",
        RunStatus.Interrupted => "interrupted",
        RunStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };

    public static RunStatus Status(string text) => text switch
    {
        "running" => RunStatus.Running,
        "complete" => RunStatus.Complete,
        "interrupted" => RunStatus.Interrupted,
        "failed" => RunStatus.Failed,
        _ => throw new InvalidDataException($"Unknown run status '{text}' in the store."),
    };

    /// <summary>The provenance column's text; an unavailable sensor stores 'measured' with available = 0 (schema 2).</summary>
    public static string Provenance(SensorProvenance provenance) => provenance switch
    {
        SensorProvenance.Measured or SensorProvenance.Unavailable => "measured",
        SensorProvenance.Modelled => "modelled",
        _ => throw new ArgumentOutOfRangeException(nameof(provenance), provenance, "Unknown provenance."),
    };

    public static SensorProvenance Provenance(string text) => text switch
    {
        "measured" => SensorProvenance.Measured,
        "modelled" => SensorProvenance.Modelled,
        _ => throw new InvalidDataException($"Unknown sensor provenance '{text}' in the store."),
    };
}
