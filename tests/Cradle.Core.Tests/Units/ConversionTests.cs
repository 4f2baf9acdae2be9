using Cradle.Core.Tests.Builders;
using Cradle.Core.Units;

namespace Cradle.Core.Tests.Units;

public class ConversionTests
{
    [Fact]
    public void One_kilowatt_hour_is_exactly_3_6_megajoules_in_joules()
    {
        // 1 kWh = 1000 W × 3600 s = 3.6e6 J
        Assert.Equal(3.6e6, Quantity.Parse("1 kWh").ConvertTo(UnitParser.Parse("J")).Value);
        Assert.Equal(3.6e6, Quantity.Parse("1 kWh").BaseValue);
        Assert.Equal(3.6, Quantity.Parse("1 kWh").ConvertTo(KnownUnits.Megajoule).Value);
    }

    [Fact]
    public void One_megawatt_hour_is_exactly_a_thousand_kilowatt_hours()
    {
        // 131 MWh (a training run's energy) = 131 000 kWh
        Assert.Equal(1000, Quantity.Parse("1 MWh").ConvertTo(KnownUnits.KilowattHour).Value);
        Assert.Equal(131_000, Quantity.Parse("131 MWh").ConvertTo(KnownUnits.KilowattHour).Value);
    }

    [Fact]
    public void One_tonne_is_exactly_a_million_grams()
    {
        Assert.Equal(1e6, Quantity.Parse("1 t").ConvertTo(UnitParser.Parse("g")).Value);
        Assert.Equal(1e-6, Quantity.Parse("1 g").ConvertTo(UnitParser.Parse("t")).Value);
    }

    [Fact]
    public void Grams_CO2e_per_kWh_and_kilograms_CO2_eq_per_MWh_are_the_same_carbon_intensity()
    {
        // 1 g/kWh = 1e-3 kg / 1e-3 MWh = 1 kg/MWh, so 475 g CO2e/kWh (world grid) = 475 kg CO2 eq/MWh.
        var perKwh = UnitParser.Parse("g CO2e/kWh");
        var perMwh = UnitParser.Parse("kg CO2 eq/MWh");

        Assert.True(perKwh.IsCompatibleWith(perMwh));
        AssertClose.Relative(perKwh.FactorToBase, perMwh.FactorToBase, 1e-15);
        Assert.Equal(475, new Quantity(475, perKwh).ConvertTo(perMwh).Value, 1e-12);
    }

    [Fact]
    public void A_year_is_the_Julian_year_used_for_hardware_lifespans()
    {
        // 4 years × 365.25 d × 24 h = 35 064 h
        Assert.Equal(35_064, Quantity.Parse("4 years").ConvertTo(KnownUnits.Hour).Value);
    }

    [Fact]
    public void Litres_and_cubic_metres_convert_by_a_thousand()
    {
        Assert.Equal(1.8, Quantity.Parse("1800 L").ConvertTo(UnitParser.Parse("m3")).Value, 1e-15);
        Assert.Equal(1000, Quantity.Parse("1 m³").ConvertTo(KnownUnits.Litre).Value);
    }

    [Fact]
    public void Percent_is_a_hundredth()
    {
        Assert.Equal(0.05, Quantity.Parse("5 %").BaseValue);
    }

    [Fact]
    public void Converting_an_energy_to_a_mass_throws_naming_both_units()
    {
        var e = Assert.Throws<UnitException>(() => Quantity.Parse("3 kWh").ConvertTo(UnitParser.Parse("kg")));

        Assert.Contains("kWh (energy)", e.Message, StringComparison.Ordinal);
        Assert.Contains("kg (mass)", e.Message, StringComparison.Ordinal);
    }
}
