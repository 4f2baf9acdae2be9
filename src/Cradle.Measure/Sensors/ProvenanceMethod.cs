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

    /// <summary>Nothing could be measured; <see cref="SensorProvenance.Reason"/> says why.</summary>
    Unavailable,
}
