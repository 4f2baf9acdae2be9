using System.Globalization;

namespace Cradle.Measure.Sensors;

/// <summary>
/// One quantity of a reading: either a finite value (in the unit named by the field that holds it) or
/// <em>unavailable</em> with the reason. There is no third state, so an unreadable quantity can never pass as 0.
/// </summary>
public readonly record struct SensorValue
{
    private SensorValue(double? value, string? unavailableReason)
    {
        Value = value;
        UnavailableReason = unavailableReason;
    }

    /// <summary>The value, or null when <see cref="UnavailableReason"/> says why there is none.</summary>
    public double? Value { get; }

    /// <summary>Why there is no value; null when <see cref="Value"/> is set.</summary>
    public string? UnavailableReason { get; }

    /// <summary>True when <see cref="Value"/> holds a value.</summary>
    public bool IsAvailable => Value.HasValue;

    /// <summary>A measured value; it must be finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static SensorValue Of(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a sensor value must be finite");
        }

        return new SensorValue(value, null);
    }

    /// <summary>No value, because <paramref name="reason"/> (a sentence a user can act on).</summary>
    public static SensorValue Unavailable(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new SensorValue(null, reason);
    }

    /// <inheritdoc/>
    public override string ToString() => Value is { } v
        ? v.ToString("R", CultureInfo.InvariantCulture)
        : "unavailable: " + UnavailableReason;
}
