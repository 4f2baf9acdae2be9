namespace Cradle.Core.Parameters;

/// <summary>How a datum was obtained. It travels with the datum into results and reports.</summary>
public enum DataOrigin
{
    /// <summary>Read from an instrument or a recorded run (NVML, RAPL, a metered PDU).</summary>
    Measured,
    /// <summary>A figure reported by someone else (a paper, a datasheet, a provider's disclosure).</summary>
    Declared,
    /// <summary>Computed from other data with a model (GPU-hours × power, FLOPs ÷ (peak × MFU)).</summary>
    Modelled,
}

/// <summary>Where a parameter's value comes from: its origin, the source that states it, and a note.</summary>
/// <param name="Origin">Measured, declared or modelled.</param>
/// <param name="Source">A citation or reference (paper, table, URL, run id); null when none was given.</param>
/// <param name="Note">Free text: conventions, caveats, how a modelled value was built.</param>
public sealed record Provenance(DataOrigin Origin, string? Source = null, string? Note = null)
{
    /// <summary>"declared — Morrison et al. 2025, Table 2".</summary>
    public override string ToString() =>
        Source is null ? Origin.ToString().ToLowerInvariant() : $"{Origin.ToString().ToLowerInvariant()} — {Source}";
}
