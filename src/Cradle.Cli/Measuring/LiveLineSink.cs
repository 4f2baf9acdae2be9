using System.Globalization;
using Cradle.Measure.Sampling;

namespace Cradle.Cli.Measuring;

/// <summary>
/// While a command runs under <c>cradle measure</c> on a terminal, one line on standard error redrawn at each flush
/// (about once a second): time so far, power now and energy so far, summed over the sensors that give them. Drawn only
/// when standard error is a terminal, so logs and pipes stay clean; cleared before the summary.
/// </summary>
internal sealed class LiveLineSink(StoreSampleSink inner, TextWriter error) : ISampleSink, IDisposable
{
    private readonly Lock _gate = new();
    private int _width;

    /// <summary>A live line over <paramref name="inner"/> when <paramref name="error"/> is the console's standard error on a terminal, else null.</summary>
    public static LiveLineSink? ForConsole(StoreSampleSink inner, TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new LiveLineSink(inner, error) : null;

    /// <inheritdoc/>
    public void Append(IReadOnlyList<SensorSample> batch)
    {
        inner.Append(batch);
        if (batch.Count == 0)
        {
            return;
        }
        var line = Line(batch[^1].Reading.At, inner.Tallies);
        lock (_gate)
        {
            error.Write("\r" + line.PadRight(_width));
            _width = line.Length;
        }
    }

    /// <summary>"cradle: 12.3 s, 45.1 W, 512.4 J so far" from the sensors' last readings; a dash where none gives a figure.</summary>
    internal static string Line(TimeSpan elapsed, IReadOnlyList<SensorTally> tallies)
    {
        var power = tallies.Select(t => t.Last?.PowerWatts.Value).Where(v => v.HasValue).Sum(v => v!.Value);
        var energy = tallies.Select(t => t.Last?.EnergyJoules.Value).Where(v => v.HasValue).Sum(v => v!.Value);
        var anyPower = tallies.Any(t => t.Last?.PowerWatts.IsAvailable == true);
        var anyEnergy = tallies.Any(t => t.Last?.EnergyJoules.IsAvailable == true);
        return string.Create(CultureInfo.InvariantCulture,
            $"cradle: {elapsed.TotalSeconds:0.0} s, {(anyPower ? $"{power:0.0} W" : "– W")}, {(anyEnergy ? $"{energy:0.0} J" : "– J")} so far");
    }

    /// <summary>Clears the line so that the summary starts on a clean one.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_width > 0)
            {
                error.Write("\r" + new string(' ', _width) + "\r");
            }
        }
    }
}
