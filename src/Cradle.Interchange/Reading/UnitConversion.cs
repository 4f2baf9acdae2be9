namespace Cradle.Interchange.Reading;

/// <summary>
/// Converts an amount in a given unit and flow property to the flow's reference unit, as openLCA does:
/// amount × (unit's factor to its group's reference unit) ÷ (the flow's factor for that property). What cannot be
/// converted (a flow, property or unit not in the package) is a finding, and the converted amount is null.
/// </summary>
internal sealed class UnitConversion(
    IReadOnlyDictionary<string, BackgroundFlow> flows,
    IReadOnlyDictionary<string, BackgroundFlowProperty> flowProperties,
    IReadOnlyDictionary<string, BackgroundUnitGroup> unitGroups,
    List<ImportFinding> findings)
{
    public double? ToReference(string flowId, string? flowName, string? flowPropertyId, string? unitId, string? unitName, double amount, string file, string field)
    {
        if (!flows.TryGetValue(flowId, out var flow))
        {
            findings.Add(new ImportFinding("unknown-flow", file, field,
                $"flow '{flowName ?? flowId}' ({flowId}) is not in the package, so its amount stays in {unitName ?? "its unit"} unconverted."));
            return null;
        }
        var propertyId = flowPropertyId ?? flow.ReferenceProperty?.FlowPropertyId;
        var factor = flow.Properties.FirstOrDefault(p => p.FlowPropertyId == propertyId);
        if (propertyId is null || factor is null || !flowProperties.TryGetValue(propertyId, out var property))
        {
            findings.Add(new ImportFinding("unknown-flow-property", file, field,
                $"flow '{flow.Name}' has no factor for flow property {propertyId ?? "(none given)"} in the package; the amount is not converted."));
            return null;
        }
        if (!unitGroups.TryGetValue(property.UnitGroupId, out var group))
        {
            findings.Add(new ImportFinding("unknown-unit", file, field,
                $"the unit group {property.UnitGroupId} of flow property '{property.Name}' is not in the package; '{unitName}' cannot be converted."));
            return null;
        }
        var unit = unitName is null && unitId is null ? group.ReferenceUnit : group.Find(unitId, unitName);
        if (unit is null)
        {
            findings.Add(new ImportFinding("unknown-unit", file, field,
                $"'{unitName ?? unitId}' is not a unit of '{group.Name}' (flow '{flow.Name}', property '{property.Name}'); the amount is not converted."));
            return null;
        }
        if (factor.ConversionFactor == 0)
        {
            findings.Add(new ImportFinding("unknown-flow-property", file, field,
                $"flow '{flow.Name}' gives 0 as its factor for '{property.Name}'; no amount can be converted by it."));
            return null;
        }
        return amount * unit.ConversionFactor / factor.ConversionFactor;
    }
}
