namespace Cradle.Measure.Sensors;

/// <summary>Where a reading comes from.</summary>
/// <param name="Method">Counter, integrated power, instantaneous reading, or unavailable.</param>
/// <param name="Source">The interface and file or function read, with its native unit (e.g. the RAPL file path).</param>
/// <param name="Reason">Why this method was used instead of a better one, or why nothing is available; null when the
/// preferred method is in use.</param>
public sealed record SensorProvenance(ProvenanceMethod Method, string Source, string? Reason = null);
