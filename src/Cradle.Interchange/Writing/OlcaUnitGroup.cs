using Cradle.Core.Units;

namespace Cradle.Interchange.Writing;

/// <summary>
/// The openLCA unit group and flow property a Cradle dimension is exported as, with its reference unit. Every amount
/// is written in the reference unit, so a package refers to no unit but the groups' reference units.
/// </summary>
/// <param name="Name">The unit group's name, e.g. "Units of mass".</param>
/// <param name="Id">The unit group's id: openLCA's reference-data id where it is known, else one of Cradle's.</param>
/// <param name="PropertyName">The flow property's name, e.g. "Mass".</param>
/// <param name="PropertyId">The flow property's id.</param>
/// <param name="UnitName">The reference unit's name, e.g. "kg".</param>
/// <param name="UnitId">The reference unit's id.</param>
/// <param name="UnitFactorToBase">The reference unit in Cradle's base unit of the dimension (1e6 for MJ: joules).</param>
/// <param name="IsOpenLcaReference">True when the group, property and unit carry openLCA's reference-data ids.</param>
internal sealed record OlcaUnitGroup(
    string Name, string Id, string PropertyName, string PropertyId, string UnitName, string UnitId, double UnitFactorToBase, bool IsOpenLcaReference)
{
    /// <summary>How many reference units one <paramref name="unit"/> is: 3.6 for kWh in MJ.</summary>
    public double FromCradle(Unit unit) => unit.FactorToBase / UnitFactorToBase;

    /// <summary>
    /// The group of <paramref name="dimension"/>. Mass, energy, volume and counts take openLCA's reference data (ids as in
    /// its databases and the olca-schema examples); time, area and length take openLCA's names with Cradle's ids; any
    /// other dimension (requests, tokens, FLOP, kg CO2 eq of an aggregated flow) gets a group of its own, in Cradle's
    /// base unit of it, since openLCA has none.
    /// </summary>
    public static OlcaUnitGroup For(Dimension dimension, Func<Dimension, Unit> ownReference)
    {
        if (dimension == Dimension.Mass)
        {
            return new("Units of mass", "93a60a57-a4c8-11da-a746-0800200c9a66", "Mass", "93a60a56-a3c8-11da-a746-0800200b9a66",
                "kg", "20aadc24-a391-41cf-b340-3e4529f44bde", 1, true);
        }
        if (dimension == Dimension.Energy)
        {
            return new("Units of energy", "93a60a57-a3c8-11da-a746-0800200c9a66", "Energy", "f6811440-ee37-11de-8a39-0800200c9a66",
                "MJ", "52765a6c-3896-43c2-b2f4-c679acf13efe", 1e6, true);
        }
        if (dimension == Dimension.Volume)
        {
            return new("Units of volume", "93a60a57-a3c8-12da-a746-0800200c9a66", "Volume", "93a60a56-a3c8-22da-a746-0800200c9a66",
                "m3", "1c3a9695-398d-4b1f-b07e-a8715b610f70", 1, true);
        }
        if (dimension == Dimension.None)
        {
            return new("Units of items", "5beb6eed-33a9-47b8-9ede-1dfe8f679159", "Number of items", "01846770-4cfe-4a25-8ad9-919d8d378345",
                "Item(s)", "6dabe201-aaac-4509-92f0-d00c26cb72ab", 1, true);
        }
        if (dimension == Dimension.Time)
        {
            return Own("Units of time", "Duration", "h", 3600);
        }
        if (dimension == Dimension.Length.Pow(2))
        {
            return Own("Units of area", "Area", "m2", 1);
        }
        if (dimension == Dimension.Length)
        {
            return Own("Units of length", "Length", "m", 1);
        }
        var unit = ownReference(dimension);
        return Own($"Units of {dimension}", $"Cradle {dimension}", unit.Symbol, unit.FactorToBase);
    }

    private static OlcaUnitGroup Own(string name, string property, string unit, double factorToBase) =>
        new(name, OlcaIds.Of($"unit-group/{name}"), property, OlcaIds.Of($"flow-property/{property}"), unit,
            OlcaIds.Of($"unit/{name}/{unit}"), factorToBase, false);
}
