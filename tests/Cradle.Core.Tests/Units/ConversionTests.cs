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

    [Theory]
    [InlineData("4 years")]
    [InlineData("4 year")]
    [InlineData("4 yr")]
    [InlineData("4 a")]
    public void A_year_is_365_days_as_ML_sources_and_MLCA_count_hardware_lifespans(string text)
    {
        // 4 years × 365 d × 24 h = 35 040 h (4 × 8,760 h)
        Assert.Equal(35_040, Quantity.Parse(text).ConvertTo(KnownUnits.Hour).Value);
    }

    [Theory]
    [InlineData("4 julian_year")]
    [InlineData("4 julian_years")]
    public void A_Julian_year_is_365_and_a_quarter_days(string text)
    {
        // 4 Julian years × 365.25 d × 24 h = 35 064 h (4 × 8,766 h)
        Assert.Equal(35_064, Quantity.Parse(text).ConvertTo(KnownUnits.Hour).Value);
    }

    [Fact]
    public void A_Julian_year_is_a_quarter_day_longer_than_a_year()
    {
        // 365.25 d ÷ 365 d = 1.000684931…; 1 julian_year − 1 year = 0.25 d = 6 h = 21 600 s
        var julian = Quantity.Parse("1 julian_year").BaseValue;
        var year = Quantity.Parse("1 year").BaseValue;

        Assert.Equal(365.25 / 365, julian / year, 15);
        Assert.Equal(21_600, julian - year);
    }

    [Theory]
    [InlineData("1 lb", 0.45359237)]        // the international avoirdupois pound, exact by definition (1959)
    [InlineData("1 lbs", 0.45359237)]
    [InlineData("1000 lb", 453.59237)]      // 1000 × 0.45359237 kg
    public void A_pound_is_exactly_0_45359237_kilograms(string text, double kilograms)
    {
        Assert.Equal(kilograms, Quantity.Parse(text).ConvertTo(UnitParser.Parse("kg")).Value, 12);
    }

    [Theory]
    [InlineData("2.5 t")]
    [InlineData("2.5 tonne")]
    [InlineData("2.5 tonnes")]
    public void Tonnes_by_any_spelling_are_a_thousand_kilograms(string text)
    {
        // 2.5 t × 1000 kg/t = 2500 kg
        Assert.Equal(2500, Quantity.Parse(text).ConvertTo(UnitParser.Parse("kg")).Value);
    }

    [Fact]
    public void A_tonne_is_2204_6_pounds()
    {
        // 1000 kg ÷ 0.45359237 kg/lb = 2204.62262185 lb
        Assert.Equal(2204.62262185, Quantity.Parse("1 t").ConvertTo(UnitParser.Parse("lb")).Value, 8);
    }

    [Theory]
    [InlineData("100 GPU-h")]
    [InlineData("100 GPU-hour")]
    [InlineData("100 GPU-hours")]
    [InlineData("100 GPUh")]
    [InlineData("100 device-h")]
    [InlineData("100 device-hour")]
    [InlineData("100 device-hours")]
    [InlineData("100 GPU h")]
    [InlineData("100 hours")]
    public void A_GPU_hour_or_device_hour_is_one_device_busy_for_one_hour_a_time_of_one_hour(string text)
    {
        // 100 device-hours = 100 h = 360 000 s of device time (devices are plain counts)
        var quantity = Quantity.Parse(text);

        Assert.Equal(Dimension.Time, quantity.Unit.Dimension);
        Assert.Equal(360_000, quantity.BaseValue);
        Assert.Equal(100, quantity.ConvertTo(KnownUnits.Hour).Value);
    }

    [Fact]
    public void Million_GPU_hours_over_a_year_of_365_days_are_114_GPUs_busy_all_year()
    {
        // 1e6 GPU-h ÷ 8,760 h = 114.155… (a GPU-hour per hour of the year is one GPU)
        var ratio = Quantity.Parse("1e6 GPU-h").BaseValue / Quantity.Parse("1 year").BaseValue;

        Assert.Equal(1e6 / 8760, ratio, 12);
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
