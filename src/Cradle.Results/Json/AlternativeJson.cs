using System.Text.Json;

namespace Cradle.Results.Json;

/// <summary>The JSON of one alternative's results (an item of "alternatives").</summary>
internal static class AlternativeJson
{
    public static void Write(Utf8JsonWriter json, AlternativeResults a)
    {
        json.WriteStartObject();
        json.WriteString("id", a.Id);
        json.WriteString("description", a.Description);
        json.WriteStartArray("categories");
        foreach (var category in a.Categories)
        {
            json.WriteStartObject();
            json.WriteString("id", category.Id);
            json.WriteString("name", category.Name);
            json.WriteString("unit", category.Unit);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("not_covered_categories");
        foreach (var category in a.NotCoveredCategories)
        {
            json.WriteStartObject();
            json.WriteString("id", category.Id);
            json.WriteString("name", category.Name);
            json.WriteString("method", category.Method);
            json.WriteString("reason", category.Reason);
            if (category.Stage is not null)
            {
                json.WriteString("stage", category.Stage);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        ByCategory(json, "totals", a, a.Totals);

        json.WriteStartArray("stages");
        foreach (var stage in a.Stages)
        {
            json.WriteStartObject();
            json.WriteString("stage", stage.Stage);
            ByCategory(json, "values", a, stage.Values);
            ByCategory(json, "shares", a, stage.Shares);
            json.WriteBoolean("significant", stage.Significant);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("stage_instances");
        foreach (var instance in a.StageInstances)
        {
            json.WriteStartObject();
            json.WriteString("stage_id", instance.StageId);
            json.WriteString("stage", instance.Stage);
            ByCategory(json, "values", a, instance.Values);
            ByCategory(json, "shares", a, instance.Shares);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        // Only for a request with more than one term of its own: results without it stay as they were.
        if (a.RequestComposition.Count > 0)
        {
            json.WriteStartArray("request_composition");
            foreach (var term in a.RequestComposition)
            {
                json.WriteStartObject();
                json.WriteString("term", term.Term);
                ByCategory(json, "values", a, term.Values);
                ByCategory(json, "shares", a, term.Shares);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        // Only with serving fleets: results without them stay as they were.
        if (a.Fleets.Count > 0)
        {
            json.WriteStartArray("fleets");
            foreach (var fleet in a.Fleets)
            {
                json.WriteStartObject();
                json.WriteString("id", fleet.Id);
                json.WriteNumber("share", fleet.Share);
                ByCategory(json, "per_request", a, fleet.PerRequest);
                ByCategory(json, "values", a, fleet.Values);
                ByCategory(json, "shares", a, fleet.Shares);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (a.Energy is { } energy)
        {
            EnergyJson.Write(json, energy);
        }

        json.WriteStartArray("significant_issues");
        foreach (var issue in a.SignificantIssues)
        {
            json.WriteStartObject();
            json.WriteString("stage", issue.Stage);
            json.WriteString("category", issue.Category);
            json.WriteNumber("share", issue.Share);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        // Results that predate the shares (read from an old document) have none; nothing is invented for them.
        if (a.DataProvenance.Count == a.Categories.Count)
        {
            DataProvenance(json, a);
        }

        Processes(json, "processes", a, a.Processes);
        Processes(json, "all_processes", a, a.AllProcesses);

        if (a.Uncertainty is { } uncertainty)
        {
            UncertaintyJson.Write(json, a.Categories, uncertainty);
        }

        if (a.EquationOne is { } eq)
        {
            json.WriteStartObject("equation_1");
            json.WriteNumber("lifetime_requests", eq.Lifetime);
            ByCategory(json, "marginal_inference", a, eq.Marginal);
            ByCategory(json, "amortised_embodied", a, eq.Embodied);
            ByCategory(json, "amortised_development", a, eq.Development);
            ByCategory(json, "development_total", a, eq.DevelopmentTotal);
            json.WriteStartObject("break_even_requests");
            for (var k = 0; k < a.Categories.Count; k++)
            {
                if (eq.BreakEven[k] is { } n)
                {
                    json.WriteNumber(a.Categories[k].Id, n);
                }
                else
                {
                    json.WriteNull(a.Categories[k].Id);
                }
            }
            json.WriteEndObject();
            json.WriteStartArray("lifetime_grid");
            foreach (var (lifetime, values) in eq.Grid)
            {
                json.WriteStartObject();
                json.WriteNumber("lifetime_requests", lifetime);
                ByCategory(json, "per_functional_unit", a, values);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteStartArray("inputs");
        foreach (var input in a.Inputs)
        {
            json.WriteStartObject();
            json.WriteString("name", input.Name);
            json.WriteNumber("value", input.Value);
            json.WriteString("unit", input.Unit);
            json.WriteString("provenance", input.Provenance);
            json.WriteString("source", input.Source);
            json.WriteString("note", input.Note);
            json.WriteString("formula", input.Formula);
            if (input.Line is { } line)
            {
                json.WriteStartObject("location");
                json.WriteNumber("line", line);
                json.WriteNumber("column", input.Column ?? 0);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("inventory");
        foreach (var flow in a.Inventory)
        {
            json.WriteStartObject();
            json.WriteString("id", flow.Id);
            json.WriteString("name", flow.Name);
            json.WriteString("compartment", flow.Compartment);
            json.WriteNumber("amount", flow.Amount);
            json.WriteString("unit", flow.Unit);
            json.WriteStartObject("by_stage");
            foreach (var (stage, amount) in flow.ByStage)
            {
                json.WriteNumber(stage, amount);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("hardware");
        foreach (var use in a.Hardware)
        {
            json.WriteStartObject();
            json.WriteString("scope", use.Scope);
            json.WriteString("hardware", use.Hardware);
            json.WriteString("device", use.Device);
            json.WriteString("per_node", use.PerNode);
            json.WriteString("lifespan", use.Lifespan);
            json.WriteStringOrNull("allocation", use.Allocation);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        if (a.Sensitivity is { } sensitivity)
        {
            json.WriteStartObject("sensitivity");
            SensitivityJson.WriteBody(json, Ids(a), sensitivity);
            json.WriteEndObject();
        }
        if (a.Amortisation is { } amortisation)
        {
            json.WriteStartObject("amortisation");
            BreakEvenJson.WriteBody(json, Ids(a), amortisation);
            json.WriteEndObject();
        }

        json.WriteStartArray("conventions");
        foreach (var convention in a.Conventions)
        {
            json.WriteStartObject();
            json.WriteString("scope", convention.Scope);
            json.WriteString("site", convention.Site);
            json.WriteString("site_name", convention.SiteName);
            json.WriteString("grid_name", convention.GridName);
            json.WriteString("energy_boundary", convention.EnergyBoundary);
            json.WriteBooleanOrNull("pue_applied", convention.PueApplied);
            json.WriteBooleanOrNull("node_power_added", convention.NodePowerAdded);
            json.WriteString("offsite_water_from", convention.OffsiteWaterFrom);
            json.WriteString("grid_basis", convention.GridBasis);
            if (convention.CarbonBasis is not null)
            {
                json.WriteString("carbon_basis", convention.CarbonBasis);
                json.WriteString("carbon_factor_from", convention.CarbonFactorFrom);
            }
            json.WriteString("description", convention.Description);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("catalog");
        json.WriteString("version", a.CatalogVersion);
        json.WriteStartArray("entries");
        foreach (var entry in a.CatalogEntries)
        {
            json.WriteStringValue(entry);
        }
        json.WriteEndArray();
        json.WriteStartArray("sources");
        foreach (var source in a.Sources)
        {
            json.WriteStartObject();
            json.WriteString("key", source.Key);
            json.WriteString("citation", source.Citation);
            json.WriteString("licence", source.Licence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("warnings");
        foreach (var warning in a.Warnings)
        {
            json.WriteStartObject();
            json.WriteString("code", warning.Code);
            json.WriteString("field", warning.Field);
            json.WriteString("message", warning.Message);
            if (warning.Line is { } line)
            {
                json.WriteNumber("line", line);
                json.WriteNumber("column", warning.Column ?? 0);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Processes(Utf8JsonWriter json, string name, AlternativeResults a, IReadOnlyList<ProcessResult> processes)
    {
        json.WriteStartArray(name);
        foreach (var process in processes)
        {
            json.WriteStartObject();
            json.WriteString("id", process.Id);
            json.WriteString("name", process.Name);
            json.WriteString("stage", process.Stage);
            json.WriteString("stage_id", process.StageId);
            ByCategory(json, "values", a, process.Values);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    internal static void ByCategory(Utf8JsonWriter json, string name, AlternativeResults a, IReadOnlyList<double> values)
    {
        json.WriteStartObject(name);
        for (var k = 0; k < a.Categories.Count; k++)
        {
            if (double.IsFinite(values[k]))
            {
                json.WriteNumber(a.Categories[k].Id, values[k]);
            }
            else
            {
                json.WriteNull(a.Categories[k].Id);
            }
        }
        json.WriteEndObject();
    }

    private static void DataProvenance(Utf8JsonWriter json, AlternativeResults a)
    {
        json.WriteStartObject("data_provenance");
        for (var k = 0; k < a.Categories.Count; k++)
        {
            json.WriteStartObject(a.Categories[k].Id);
            var shares = a.DataProvenance[k];
            foreach (var (name, value) in new[] { ("measured", shares.Measured), ("declared", shares.Declared), ("modelled", shares.Modelled) })
            {
                if (double.IsFinite(value))
                {
                    json.WriteNumber(name, value);
                }
                else
                {
                    json.WriteNull(name);
                }
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static List<string> Ids(AlternativeResults a) => a.Categories.Select(c => c.Id).ToList();
}
