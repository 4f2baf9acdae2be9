using System.Text.Json;

namespace Cradle.Results.Json;

/// <summary>The "energy" object of an alternative's results: energy drawn per functional unit, in kWh.</summary>
internal static class EnergyJson
{
    public static void Write(Utf8JsonWriter json, EnergyResults energy)
    {
        json.WriteStartObject("energy");
        json.WriteString("unit", EnergyResults.Unit);
        Figures(json, energy.ItEnergy, energy.FacilityEnergy, energy.GridElectricity);
        Uncertainty(json, energy.Uncertainty);
        json.WriteStartArray("scopes");
        foreach (var scope in energy.Scopes)
        {
            json.WriteStartObject();
            json.WriteString("scope", scope.Scope);
            json.WriteString("stage", scope.Stage);
            Figures(json, scope.ItEnergy, scope.FacilityEnergy, scope.GridElectricity);
            json.WriteString("energy_boundary", scope.EnergyBoundary);
            json.WriteBoolean("pue_applied", scope.PueApplied);
            json.WriteBoolean("node_power_added", scope.NodePowerAdded);
            json.WriteString("convention", scope.Convention);
            Uncertainty(json, scope.Uncertainty);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>"uncertainty": the Monte Carlo statistics of the three figures, as the categories' are written; nothing without.</summary>
    private static void Uncertainty(Utf8JsonWriter json, EnergyStats? stats)
    {
        if (stats is null)
        {
            return;
        }
        json.WriteStartObject("uncertainty");
        UncertaintyJson.Statistics(json, "it_energy", stats.ItEnergy);
        UncertaintyJson.Statistics(json, "facility_energy", stats.FacilityEnergy);
        UncertaintyJson.Statistics(json, "grid_electricity", stats.GridElectricity);
        json.WriteEndObject();
    }

    /// <summary>Reads an "uncertainty" object written by <see cref="Uncertainty"/>; null when absent.</summary>
    public static EnergyStats? ReadUncertainty(ResultsNode owner) =>
        owner.TryGet("uncertainty", out var u)
            ? new EnergyStats(StatsReader.Read(u.Need("it_energy")), StatsReader.Read(u.Need("facility_energy")), StatsReader.Read(u.Need("grid_electricity")))
            : null;

    private static void Figures(Utf8JsonWriter json, double it, double facility, double grid)
    {
        json.WriteNumber("it_energy", it);
        json.WriteNumber("facility_energy", facility);
        json.WriteNumber("grid_electricity", grid);
    }
}
