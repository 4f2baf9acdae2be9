namespace Cradle.Store;

/// <summary>
/// Boundary checks every adapter applies before writing: a value that would be stored wrongly is refused with the
/// argument and the reason, never clamped or replaced by 0.
/// </summary>
public static class StoreInput
{
    /// <summary>Checks a run about to be created.</summary>
    /// <exception cref="ArgumentException">A field is empty or out of range.</exception>
    public static void Check(NewRun run) => Check(run, imported: false);

    /// <summary>Checks runs about to be imported, each whole, and the list for repeated origins and names.</summary>
    /// <exception cref="ArgumentException">A field is empty or out of range, a sensor id repeats, a sample names an
    /// unknown sensor or repeats an offset, or two runs share an origin or a name.</exception>
    public static void Check(IReadOnlyList<ImportedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var origins = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            ArgumentNullException.ThrowIfNull(run, nameof(runs));
            Check(run);
            if (!origins.Add(run.Origin))
            {
                throw new ArgumentException($"Two imported runs have the same origin '{run.Origin}'; each record is imported once.", nameof(runs));
            }

            if (run.Run.Name is { } name && !names.Add(name))
            {
                throw new ArgumentException($"Two imported runs are named '{name}'; run names are unique in a store.", nameof(runs));
            }
        }
    }

    private static void Check(ImportedRun run)
    {
        Check(run.Run, imported: true);
        NotBlank(run.Origin, "origin of an imported run");
        if (run.Status == RunStatus.Running || !Enum.IsDefined(run.Status))
        {
            throw new ArgumentException($"An imported run is complete, failed or interrupted, not {run.Status} ({run.Origin}).");
        }

        if (run.EndedUtc is { } end && end < run.StartedUtc)
        {
            throw new ArgumentException($"An imported run ends ({end:O}) before it starts ({run.StartedUtc:O}) ({run.Origin}).");
        }

        ArgumentNullException.ThrowIfNull(run.Sensors);
        ArgumentNullException.ThrowIfNull(run.Samples);
        var sensors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sensor in run.Sensors)
        {
            Check(sensor);
            if (!sensors.Add(sensor.Id))
            {
                throw new ArgumentException($"The imported run has two sensors '{sensor.Id}' ({run.Origin}).");
            }
        }

        var offsets = new HashSet<(string, double)>();
        foreach (var sample in run.Samples)
        {
            ArgumentNullException.ThrowIfNull(sample);
            Check(sample.In("imported"));
            if (!sensors.Contains(sample.SensorId))
            {
                throw new ArgumentException($"A sample names sensor '{sample.SensorId}', which the imported run does not have ({run.Origin}).");
            }

            if (!offsets.Add((sample.SensorId, sample.OffsetSeconds)))
            {
                throw new ArgumentException($"Two samples of sensor '{sample.SensorId}' are at {sample.OffsetSeconds} s ({run.Origin}).");
            }
        }
    }

    private static void Check(NewRun run, bool imported)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Name is not null && string.IsNullOrWhiteSpace(run.Name))
        {
            throw new ArgumentException("A run name, when given, must not be blank; pass null for no name.", nameof(run));
        }

        NotBlank(run.CommandLine, "command line");
        NotBlank(run.Host, "host");
        NotBlank(run.WorkingDirectory, "working directory");
        if (!imported && run.WriterProcessId <= 0)
        {
            throw new ArgumentException($"The writer process id must be > 0 (got {run.WriterProcessId}).", nameof(run));
        }

        ArgumentNullException.ThrowIfNull(run.Inference, nameof(run));
        if (run.Inference.Requests is < 1)
        {
            throw new ArgumentException($"Requests must be ≥ 1 when given (got {run.Inference.Requests}).", nameof(run));
        }

        if (run.Inference.ParameterCount is { } p && !(double.IsFinite(p) && p > 0))
        {
            throw new ArgumentException($"The parameter count must be finite and > 0 when given (got {p}).", nameof(run));
        }

        if (run.JobId is not null && string.IsNullOrWhiteSpace(run.JobId))
        {
            throw new ArgumentException("A job id, when given, must not be blank; pass null for none.", nameof(run));
        }

        ArgumentNullException.ThrowIfNull(run.Tags, nameof(run));
        if (RunTags.Problem(run.Tags) is { } problem)
        {
            throw new ArgumentException(problem, nameof(run));
        }
    }

    /// <summary>Checks a sensor about to be added.</summary>
    /// <exception cref="ArgumentException">A field is empty.</exception>
    public static void Check(Sensor sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        NotBlank(sensor.Id, "sensor id");
        NotBlank(sensor.Kind, $"kind of sensor '{sensor.Id}'");
        NotBlank(sensor.Device, $"device of sensor '{sensor.Id}'");
        NotBlank(sensor.Description, $"description of sensor '{sensor.Id}' (how it measures, and why if modelled)");
        if (sensor.Devices < 1)
        {
            throw new ArgumentException($"Sensor '{sensor.Id}' covers {sensor.Devices} devices; a sensor covers at least 1.", nameof(sensor));
        }

        if (!Enum.IsDefined(sensor.Provenance))
        {
            throw new ArgumentException($"Sensor '{sensor.Id}' has an unknown provenance {sensor.Provenance}.", nameof(sensor));
        }
    }

    /// <summary>Checks an idle baseline about to be stored.</summary>
    /// <exception cref="ArgumentException">A sensor id is blank or repeated, a window is not positive, or an energy is
    /// NaN, infinite or negative.</exception>
    public static void Check(IReadOnlyList<IdleReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reading in readings)
        {
            ArgumentNullException.ThrowIfNull(reading, nameof(readings));
            NotBlank(reading.SensorId, "sensor id of an idle reading");
            if (!seen.Add(reading.SensorId))
            {
                throw new ArgumentException($"The idle baseline names sensor '{reading.SensorId}' twice.", nameof(readings));
            }

            if (reading.Duration <= TimeSpan.Zero)
            {
                throw new ArgumentException($"The idle window of sensor '{reading.SensorId}' must be longer than 0 s.", nameof(readings));
            }

            if (!(double.IsFinite(reading.EnergyJoules) && reading.EnergyJoules >= 0))
            {
                throw new ArgumentException(
                    $"The idle energy of sensor '{reading.SensorId}' must be finite and ≥ 0 J (got {reading.EnergyJoules}).", nameof(readings));
            }
        }
    }

    /// <summary>Checks a sample about to be appended.</summary>
    /// <exception cref="ArgumentException">A figure is NaN, infinite or out of range.</exception>
    public static void Check(Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        NotBlank(sample.RunId, "run id of a sample");
        NotBlank(sample.SensorId, "sensor id of a sample");
        var where = $"sample of sensor '{sample.SensorId}' at {sample.OffsetSeconds} s in run {sample.RunId}";
        if (!(double.IsFinite(sample.OffsetSeconds) && sample.OffsetSeconds >= 0))
        {
            throw new ArgumentException($"The offset must be finite and ≥ 0 s ({where}).", nameof(sample));
        }

        NonNegative(sample.EnergyJoules, "energy (J)", where);
        NonNegative(sample.PowerWatts, "power (W)", where);
        if (sample.TemperatureCelsius is { } t && !double.IsFinite(t))
        {
            throw new ArgumentException($"The temperature must be finite; pass null when unknown ({where}).", nameof(sample));
        }

        if (sample.Utilisation is { } u && !(u is >= 0 and <= 1))
        {
            throw new ArgumentException($"The utilisation must be in [0, 1] (got {u}; {where}).", nameof(sample));
        }
    }

    private static void NonNegative(double? value, string what, string where)
    {
        if (value is { } v && !(double.IsFinite(v) && v >= 0))
        {
            throw new ArgumentException($"The {what} must be finite and ≥ 0 (got {v}); pass null when unknown ({where}).");
        }
    }

    private static void NotBlank(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {what} must not be empty.");
        }
    }
}
