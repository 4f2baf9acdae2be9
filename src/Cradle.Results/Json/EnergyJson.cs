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
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Figures(Utf8JsonWriter json, double it, double facility, double grid)
    {
        json.WriteNumber("it_energy", it);
        json.WriteNumber("facility_energy", facility);
        json.WriteNumber("grid_electricity", grid);
    }
}
