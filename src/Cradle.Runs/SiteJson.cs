using System.Text.Json;
using Cradle.Results.Json;

namespace Cradle.Runs;

/// <summary>A site's catalog factors as the documents write them (<c>cradle.measurement/1</c>,
/// <c>cradle.run-footprint/1</c>): each with its value, unit, catalog entry, source and year; null when missing.</summary>
public static class SiteJson
{
    /// <summary>
    /// Writes the object <c>"site": {id, kind, name, it_energy_kwh, electricity_kwh, pue_applied, co2e_kg, …, factors,
    /// conventions}</c> of a run priced at its site, as <c>cradle measure --site</c> and <c>cradle.run-footprint/1</c>
    /// write it; <paramref name="perRequest"/> adds fields after the water figures (the measure summary's per-request ones).
    /// </summary>
    public static void WriteFootprint(Utf8JsonWriter json, SiteFootprint f, Action<Utf8JsonWriter>? perRequest = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(f);
        json.WriteStartObject("site");
        json.WriteString("id", f.Site.Id);
        json.WriteString("kind", f.Site.Kind);
        json.WriteString("name", f.Site.Name);
        json.WriteNumberOrNull("it_energy_kwh", f.ItEnergyKwh);
        json.WriteNumberOrNull("electricity_kwh", f.ElectricityKwh);
        json.WriteBoolean("pue_applied", f.Site.Pue is not null);
        json.WriteNumberOrNull("co2e_kg", f.Co2eKg);
        json.WriteStringOrNull("co2e_unavailable_reason", f.Co2eUnavailableReason);
        json.WriteNumberOrNull("water_l", f.WaterLitres);
        json.WriteStringOrNull("water_unavailable_reason", f.WaterUnavailableReason);
        perRequest?.Invoke(json);
        WriteFactors(json, f.Site);
        json.WriteStartArray("conventions");
        foreach (var convention in f.Site.Conventions)
        {
            json.WriteStringValue(convention);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes the object <c>"factors": {pue, wue, gwp100, water}</c>.</summary>
    public static void WriteFactors(Utf8JsonWriter json, SiteFactors site)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(site);
        json.WriteStartObject("factors");
        foreach (var (key, factor) in new[] { ("pue", site.Pue), ("wue", site.Wue), ("gwp100", site.Gwp100), ("water", site.OffSiteWater) })
        {
            if (factor is null)
            {
                json.WriteNull(key);
                continue;
            }

            json.WriteStartObject(key);
            json.WriteNumber("value", factor.Value);
            json.WriteString("unit", factor.Unit);
            json.WriteString("catalog_id", factor.EntryId);
            json.WriteString("source", factor.Source);
            json.WriteNumber("year", factor.Year);
            json.WriteStringOrNull("note", factor.Note);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
