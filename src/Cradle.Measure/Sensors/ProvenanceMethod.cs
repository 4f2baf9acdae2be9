namespace Cradle.Measure.Sensors;

/// <summary>How a sensor obtains its energy figure.</summary>
public enum ProvenanceMethod
{
    /// <summary>Measured: differences of a hardware energy counter (RAPL <c>energy_uj</c>, NVML total energy).</summary>
    Counter,

    /// <summary>
    /// Measured power samples integrated over the sample times (trapezoid rule). An estimate from measured power, not a
    /// model; it misses what happens between samples and lags when the power sensor itself averages.
    /// </summary>
    PowerIntegrated,

    /// <summary>Measured directly at each read, with no energy figure (temperature probes).</summary>
    Instantaneous,

    /// <summary>
    /// Not measured: computed from a model (process CPU time × a catalog power figure) because no counter is readable;
    /// <see cref="SensorProvenance.Reason"/> says why, <see cref="SensorProvenance.Source"/> names the figure used.
    /// </summary>
    Modelled,

    /// <summary>Nothing could be measured; <see cref="SensorProvenance.Reason"/> says why.</summary>
    Unavailable,
}
