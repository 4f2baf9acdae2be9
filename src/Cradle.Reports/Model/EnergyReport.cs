namespace Cradle.Reports.Model;

/// <summary>The energy drawn per functional unit, in kWh: totals and per scope (results' "energy").</summary>
/// <param name="ItEnergy">IT energy at the site (kWh).</param>
/// <param name="FacilityEnergy">Facility energy after PUE (kWh).</param>
/// <param name="GridElectricity">Grid electricity (kWh).</param>
/// <param name="Scopes">Per stage (and inference), with its convention.</param>
public sealed record EnergyReport(double ItEnergy, double FacilityEnergy, double GridElectricity, IReadOnlyList<EnergyScopeRow> Scopes)
{
    /// <summary>The unit of every figure.</summary>
    public const string Unit = "kWh";

    /// <summary>Reads the "energy" object of one alternative; null when the results predate it.</summary>
    internal static EnergyReport? Read(ResultsNode alternative)
    {
        if (!alternative.TryGet("energy", out var energy))
        {
            return null;
        }
        var unit = energy.NeedText("unit");
        if (unit != Unit)
        {
            throw energy.Need("unit").Wrong($"'{Unit}'");
        }
        return new EnergyReport(energy.Need("it_energy").Double(), energy.Need("facility_energy").Double(), energy.Need("grid_electricity").Double(),
            energy.Need("scopes").Items().Select(s => new EnergyScopeRow(s.NeedText("scope"), s.NeedText("stage"),
                s.Need("it_energy").Double(), s.Need("facility_energy").Double(), s.Need("grid_electricity").Double(), s.NeedText("convention"))).ToList());
    }
}

/// <summary>One scope's energy drawn per functional unit (kWh).</summary>
/// <param name="Scope">Stage id, or "inference".</param>
/// <param name="Stage">Its life-cycle stage kind.</param>
/// <param name="ItEnergy">IT energy at the site (kWh).</param>
/// <param name="FacilityEnergy">Facility energy after PUE (kWh).</param>
/// <param name="GridElectricity">Grid electricity (kWh).</param>
/// <param name="Convention">"node energy, PUE applied", …</param>
public sealed record EnergyScopeRow(string Scope, string Stage, double ItEnergy, double FacilityEnergy, double GridElectricity, string Convention)
{
    /// <summary>"pre-training", or "serve (inference)" when the scope id differs from its stage kind.</summary>
    public string Label => Scope == Stage ? Scope : $"{Scope} ({Stage})";
}
