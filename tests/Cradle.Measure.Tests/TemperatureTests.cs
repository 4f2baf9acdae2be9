using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;
using Cradle.Measure.Thermal;

namespace Cradle.Measure.Tests;

public sealed class TemperatureTests
{
    [Fact]
    public void Hwmon_inputs_are_read_in_degrees_celsius_with_chip_and_label()
    {
        using var fs = new FakeSysfs();
        fs.Write("sys/class/hwmon/hwmon0/name", "coretemp");
        fs.Write("sys/class/hwmon/hwmon0/temp1_input", "45000");
        fs.Write("sys/class/hwmon/hwmon0/temp1_label", "Package id 0");
        fs.Write("sys/class/hwmon/hwmon0/temp10_input", "43500");
        fs.Write("sys/class/hwmon/hwmon0/temp2_input", "-1500");
        fs.Write("sys/class/hwmon/hwmon0/temp1_crit", "100000");
        fs.Write("sys/class/hwmon/hwmon1/name", "k10temp");
        fs.Write("sys/class/hwmon/hwmon1/temp3_input", "61250");
        fs.Write("sys/class/hwmon/hwmon1/temp3_label", "Tccd1");

        var sensors = TemperatureDiscovery.Hwmon(fs.Root, FileSysfsReader.Instance);

        // Inputs in numeric order (temp2 before temp10); millidegrees ÷ 1000: 45000 → 45, -1500 → -1.5, 43500 → 43.5.
        Assert.Equal(["coretemp Package id 0 (hwmon)", "coretemp temp2 (hwmon)", "coretemp temp10 (hwmon)",
            "k10temp Tccd1 (hwmon)"], sensors.Select(s => s.DeviceLabel));
        Assert.Equal([45.0, -1.5, 43.5, 61.25], sensors.Select(s => s.Read(TimeSpan.Zero).TemperatureCelsius.Value!.Value));
        Assert.All(sensors, s => Assert.Equal(SensorKind.Temperature, s.Kind));
        var reading = sensors[0].Read(TimeSpan.FromSeconds(1));
        Assert.False(reading.EnergyJoules.IsAvailable);
        Assert.Equal(ProvenanceMethod.Instantaneous, reading.Provenance.Method);
        Assert.Equal("hwmon:hwmon0:temp1", sensors[0].Id);
    }

    [Fact]
    public void Thermal_zones_are_read_in_degrees_celsius_with_their_type()
    {
        using var fs = new FakeSysfs();
        fs.Write("sys/class/thermal/thermal_zone0/type", "acpitz");
        fs.Write("sys/class/thermal/thermal_zone0/temp", "37000");
        fs.Write("sys/class/thermal/thermal_zone1/type", "x86_pkg_temp");
        fs.Write("sys/class/thermal/thermal_zone1/temp", "52125");
        // A cooling device in the same class directory is not a zone.
        fs.Write("sys/class/thermal/cooling_device0/type", "Processor");

        var sensors = TemperatureDiscovery.ThermalZones(fs.Root, FileSysfsReader.Instance);

        Assert.Equal(["acpitz (thermal_zone0)", "x86_pkg_temp (thermal_zone1)"], sensors.Select(s => s.DeviceLabel));
        Assert.Equal([37.0, 52.125], sensors.Select(s => s.Read(TimeSpan.Zero).TemperatureCelsius.Value!.Value));
    }

    [Fact]
    public void An_unreadable_temperature_is_unavailable_with_the_reason()
    {
        using var fs = new FakeSysfs();
        fs.Write("sys/class/thermal/thermal_zone0/type", "acpitz");
        fs.Write("sys/class/thermal/thermal_zone0/temp", "37000");
        var sensor = Assert.Single(TemperatureDiscovery.ThermalZones(fs.Root, new DenyingReader("/temp")));

        var reading = sensor.Read(TimeSpan.Zero);

        Assert.False(reading.TemperatureCelsius.IsAvailable);
        Assert.Equal(MeasureFindingCodes.PermissionDenied, Assert.Single(reading.Findings).Code);
    }

    [Fact]
    public void No_hwmon_or_thermal_tree_gives_no_sensors()
    {
        using var fs = new FakeSysfs();
        Assert.Empty(TemperatureDiscovery.Hwmon(fs.Root, FileSysfsReader.Instance));
        Assert.Empty(TemperatureDiscovery.ThermalZones(fs.Root, FileSysfsReader.Instance));
    }
}
