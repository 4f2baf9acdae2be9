using Cradle.Core.Engine;
using Cradle.Core.Tests.Builders;
using CsCheck;

namespace Cradle.Core.Tests.Properties;

public class UnitInvarianceProperties
{
    /// <summary>
    /// Impacts are in the categories' units whatever the products and flows are counted in. A wrong conversion is off
    /// by a factor such as 1000 or 3.6; rounding is far smaller. Back-substitution keeps every contribution to
    /// ~1e-15. The dense LU used for loops sees the matrix in the chosen units (J beside MWh is a 3.6e9 spread) and
    /// keeps each contribution only to about 1e-11 of its category's total (measured over 30 000 random systems),
    /// so loops are checked against the total with a wide margin.
    /// </summary>
    private static void SameImpactsInOtherUnits(RandomSystem spec, RandomSystem.Units other, double relativeToTotal)
    {
        var canonical = RandomSystem.Units.Canonical(spec);

        var before = LcaCalculator.Calculate(spec.Build(canonical), RandomSystem.Method(canonical), spec.Demand(canonical));
        var after = LcaCalculator.Calculate(spec.Build(other), RandomSystem.Method(other), spec.Demand(other));

        AssertClose.Relative(before.Impacts, after.Impacts, relativeToTotal, "h");
        for (var k = 0; k < before.Impacts.Count; k++)
        {
            for (var j = 0; j < spec.ProcessCount; j++)
            {
                var difference = Math.Abs(before.ProcessContributions[k, j] - after.ProcessContributions[k, j]);
                Assert.True(difference <= relativeToTotal * Math.Abs(before.Impacts[k]),
                    $"process {j}, category {k}: {before.ProcessContributions[k, j]} became {after.ProcessContributions[k, j]}");
            }
        }
    }

    [Fact]
    public void Counting_products_and_flows_in_other_units_leaves_impacts_unchanged_in_acyclic_systems()
    {
        RandomSystem.Acyclic.SelectMany(spec => spec.OtherUnits().Select(units => (spec, units)))
            .Sample((spec, units) => SameImpactsInOtherUnits(spec, units, relativeToTotal: 1e-12), iter: 300);
    }

    [Fact]
    public void Counting_products_and_flows_in_other_units_leaves_impacts_unchanged_in_cyclic_systems()
    {
        RandomSystem.Cyclic.SelectMany(spec => spec.OtherUnits().Select(units => (spec, units)))
            .Sample((spec, units) => SameImpactsInOtherUnits(spec, units, relativeToTotal: 1e-8), iter: 300);
    }

    [Fact]
    public void Electricity_in_Wh_with_amounts_in_Wh_gives_the_same_footprint_as_in_kWh()
    {
        // A request uses 0.3 Wh; the grid emits 0.4 kg CO2/kWh = 0.4 g CO2/Wh.
        // In kWh: 0.0003 kWh × 0.4 kg/kWh = 1.2e-4 kg.  In Wh: 0.3 Wh × 0.0004 kg/Wh = 1.2e-4 kg.
        static double Footprint(string electricityUnit, string perRequest, string gridCo2) =>
            LcaCalculator.Calculate(new SystemBuilder()
                    .Product("request", "request").Product("electricity", electricityUnit).Flow("co2", "kg")
                    .Parameter("energy", perRequest).Parameter("grid_co2", gridCo2)
                    .Process("serve", makes: "request", p => p.Consumes("electricity", "energy"))
                    .Process("grid", makes: "electricity", p => p.Emits("co2", "grid_co2"))
                    .Build(),
                Methods.Of(Methods.Gwp100()), new Demand("request", 1)).Impacts[0];

        AssertClose.Relative(1.2e-4, Footprint("kWh", "0.0003 kWh/request", "0.4 kg/kWh"));
        AssertClose.Relative(1.2e-4, Footprint("Wh", "0.3 Wh/request", "0.4 g/Wh"));
        AssertClose.Relative(1.2e-4, Footprint("Wh", "0.0003 kWh/request", "0.4 kg/kWh")); // the matrix converts
    }

    [Fact]
    public void A_flow_counted_in_grams_with_factors_per_gram_gives_the_same_impact_as_in_tonnes()
    {
        // 2 kg CH4 = 2000 g × 0.0298 kg CO2 eq/g = 0.002 t × 29 800 kg CO2 eq/t = 59.6 kg CO2 eq
        static double Impact(string flowUnit, string amount, double factor) =>
            LcaCalculator.Calculate(new SystemBuilder()
                    .Product("coal", "kg").Flow("ch4", flowUnit).Parameter("leak", amount)
                    .Process("mine", makes: "coal", p => p.Emits("ch4", "leak"))
                    .Build(),
                Methods.Of(Methods.Category("gwp100", "kg CO2 eq", ("ch4", factor))),
                new Demand("coal", 400)).Impacts[0];

        // 400 kg coal × 0.005 kg CH4/kg = 2 kg CH4
        AssertClose.Relative(59.6, Impact("g", "5 g/kg", 0.0298));
        AssertClose.Relative(59.6, Impact("t", "5 g/kg", 29_800));
    }
}
