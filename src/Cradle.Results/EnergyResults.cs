namespace Cradle.Results;

/// <summary>The energy drawn per functional unit, in kWh: totals and per scope (results' "energy").</summary>
/// <param name="ItEnergy">IT energy at the site (kWh).</param>
/// <param name="FacilityEnergy">Facility energy after PUE (kWh).</param>
/// <param name="GridElectricity">Grid electricity (kWh).</param>
/// <param name="Scopes">Per stage (and inference), with its convention.</param>
public sealed record EnergyResults(double ItEnergy, double FacilityEnergy, double GridElectricity, IReadOnlyList<EnergyScopeRow> Scopes)
{
    /// <summary>The unit of every figure.</summary>
    public const string Unit = "kWh";

    /// <summary>Statistics of the totals over the Monte Carlo draws (kWh); null without Monte Carlo.</summary>
    public EnergyStats? Uncertainty { get; init; }
}

/// <summary>Statistics over the Monte Carlo draws of the three energy figures (kWh per functional unit).</summary>
/// <param name="ItEnergy">IT energy at the site.</param>
/// <param name="FacilityEnergy">Facility energy after PUE.</param>
/// <param name="GridElectricity">Grid electricity.</param>
public sealed record EnergyStats(Stats ItEnergy, Stats FacilityEnergy, Stats GridElectricity);

/// <summary>One scope's energy drawn per functional unit (kWh).</summary>
/// <param name="Scope">Stage id, or "inference".</param>
/// <param name="Stage">Its life-cycle stage kind.</param>
/// <param name="ItEnergy">IT energy at the site (kWh).</param>
/// <param name="FacilityEnergy">Facility energy after PUE (kWh).</param>
/// <param name="GridElectricity">Grid electricity (kWh).</param>
/// <param name="Convention">"node energy, PUE applied", …</param>
public sealed record EnergyScopeRow(string Scope, string Stage, double ItEnergy, double FacilityEnergy, double GridElectricity, string Convention)
{
    /// <summary>"gpu", "node" or "facility".</summary>
    public required string EnergyBoundary { get; init; }
    /// <summary>Whether the site's PUE was applied.</summary>
    public required bool PueApplied { get; init; }
    /// <summary>Whether non-accelerator node power was added.</summary>
    public required bool NodePowerAdded { get; init; }
    /// <summary>Statistics of its figures over the Monte Carlo draws (kWh); null without Monte Carlo.</summary>
    public EnergyStats? Uncertainty { get; init; }

    /// <summary>"pre-training", or "serve (inference)" when the scope id differs from its stage kind.</summary>
    public string Label => Scope == Stage ? Scope : $"{Scope} ({Stage})";
}
