using System.Text.Json;
using Cradle.Catalog;
using Cradle.Core;
using Cradle.Results.Json;
using Cradle.Store;

namespace Cradle.Runs;

/// <summary>
/// A run's footprint as <c>cradle.run-footprint/1</c> (<c>GET /api/runs/{run}/footprint</c>, docs/run-store.md): energy
/// per sensor and per component with provenance, the total; CO2e and water at the run's site from the catalog
/// (<see cref="SiteFactors"/>, as <c>cradle measure --site</c> computes them); energy and CO2e per request and ESS
/// (<see cref="RunComparison"/>, as <c>cradle runs compare --site</c> computes them). Every missing figure is null with
/// its reason.
/// </summary>
public static class RunFootprintJson
{
    private static readonly Dictionary<string, double> NoQuantisationFactors = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The catalog site a footprint is computed for: <paramref name="siteOverride"/> when given, else the run's
    /// own (<c>cradle measure --site</c>). Null with the reason when there is none or the catalog lacks it.</summary>
    public static (SiteFactors? Site, GridFactor? Grid, string? Unavailable) Site(ReferenceCatalog catalog, Run run, string? siteOverride)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(run);
        var id = siteOverride ?? run.SiteId;
        if (id is null)
        {
            return (null, null, "the run has no site (cradle measure --site ID), and none was asked for (?site=ID)");
        }

        if (SiteFactors.Resolve(catalog, id, out var hint) is not { } site)
        {
            return (null, null, $"'{id}' is not a catalog grid, cloud region or data-centre fleet.{hint}");
        }

        return (site, GridFactors.Resolve(catalog, site.Id, out _), null);
    }

    /// <summary>Writes the document for <paramref name="run"/> with its sensors and samples.</summary>
    public static void Write(Utf8JsonWriter json, Run run, IReadOnlyList<Sensor> sensors, IReadOnlyList<Sample> samples,
        (SiteFactors? Site, GridFactor? Grid, string? Unavailable) site)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentNullException.ThrowIfNull(samples);
        var compared = RunComparison.Compare(run, sensors, samples, site.Grid, NoQuantisationFactors);
        json.WriteStartObject();
        json.WriteString("schema", "cradle.run-footprint/1");
        json.WriteString("run_id", run.Id);
        json.WriteString("status", RunJson.Status(run.Status));
        WriteSensors(json, sensors, samples);
        WriteComponents(json, sensors, samples);
        json.WriteNumberOrNull("total_energy_j", compared.EnergyJoules);
        json.WriteStringOrNull("total_energy_unavailable_reason", compared.EnergyJoules is null ? "no sensor recorded an energy figure" : null);
        json.WriteNumberOrNull("measured_share", compared.MeasuredShare);
        json.WriteString("covers", compared.Covers);
        WriteSite(json, site.Site?.Footprint(compared.EnergyJoules), site.Unavailable);
        WritePerRequest(json, run, compared, site.Grid, site.Site);
        json.WriteEndObject();
    }

    private static void WriteSensors(Utf8JsonWriter json, IReadOnlyList<Sensor> sensors, IReadOnlyList<Sample> samples)
    {
        json.WriteStartArray("sensors");
        foreach (var s in sensors)
        {
            var (count, energy) = RunEnergy.Of(s, samples);
            json.WriteStartObject();
            json.WriteString("id", s.Id);
            json.WriteString("kind", s.Kind);
            json.WriteString("component", EnergyCoverage.Part(s.Kind));
            json.WriteString("device", s.Device);
            json.WriteString("provenance", RunJson.Provenance(s.Provenance));
            json.WriteString("description", s.Description);
            json.WriteNumber("samples", count);
            json.WriteNumberOrNull("energy_j", energy);
            json.WriteStringOrNull("energy_unavailable_reason", energy is not null ? null
                : s.Provenance == SensorProvenance.Unavailable ? "the sensor gave no figure: " + s.Description
                : "no energy sample recorded");
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteComponents(Utf8JsonWriter json, IReadOnlyList<Sensor> sensors, IReadOnlyList<Sample> samples)
    {
        json.WriteStartArray("components");
        foreach (var group in sensors.GroupBy(s => EnergyCoverage.Part(s.Kind), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var withEnergy = group.Select(s => (Sensor: s, RunEnergy.Of(s, samples).Joules)).Where(x => x.Joules is not null).ToList();
            var provenances = withEnergy.Select(x => RunJson.Provenance(x.Sensor.Provenance)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            json.WriteStartObject();
            json.WriteString("component", group.Key);
            json.WriteNumberOrNull("energy_j", withEnergy.Count == 0 ? null : withEnergy.Sum(x => x.Joules!.Value));
            json.WriteStringOrNull("energy_unavailable_reason", withEnergy.Count == 0 ? "no sensor of this component recorded energy" : null);
            json.WriteString("provenance", provenances.Count == 0 ? "unavailable" : string.Join("+", provenances));
            json.WriteNumber("sensors", group.Count());
            json.WriteNumber("sensors_with_energy", withEnergy.Count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteSite(Utf8JsonWriter json, SiteFootprint? f, string? unavailable)
    {
        if (f is null)
        {
            json.WriteNull("site");
            json.WriteString("site_unavailable_reason", unavailable);
            return;
        }

        SiteJson.WriteFootprint(json, f);
        json.WriteNull("site_unavailable_reason");
    }

    private static void WritePerRequest(Utf8JsonWriter json, Run run, ComparedRun c, GridFactor? grid, SiteFactors? site)
    {
        json.WriteStartObject("per_request");
        json.WriteNumberOrNull("requests", run.Inference.Requests);
        json.WriteNumberOrNull("energy_j", c.EnergyPerRequestJoules);
        json.WriteStringOrNull("energy_unavailable_reason", c.EnergyPerRequestUnavailable);
        json.WriteNumberOrNull("co2e_g", c.Co2ePerRequestGrams);
        json.WriteStringOrNull("co2e_unavailable_reason", c.Co2ePerRequestGrams is not null ? null
            : site is not null && grid is null ? "the site has no grid carbon factor (a data-centre fleet, or a grid without gwp100)"
            : site is null ? "no site, so no grid carbon factor"
            : c.Co2eUnavailable);
        if (grid is null)
        {
            json.WriteNull("grid_factor");
        }
        else
        {
            json.WriteStartObject("grid_factor");
            json.WriteString("catalog_id", grid.SiteId);
            json.WriteNumber("g_co2e_per_kwh", grid.GramsPerKilowattHour);
            json.WriteString("source", grid.Source);
            json.WriteNumber("year", grid.Year);
            json.WriteEndObject();
        }
        json.WriteNumberOrNull("ess", c.Ess.Value);
        json.WriteStringOrNull("ess_unavailable_reason", c.Ess.Value is null
            ? (c.Co2ePerRequestGrams is null && site is null ? "no site, so no CO2e per request" : c.Ess.Unavailable) : null);
        json.WriteEndObject();
    }
}
