namespace Cradle.Studies.Tests.Allocation;

/// <summary>
/// One small study for the allocation keys: a 463 kg CO2e device (700 W rated, 100 W idle), 4-year life
/// (4 × 8,760 h = 35,040 h) at 50 % utilisation, 1,000 device-hours of pre-training with no energy, so the total is
/// the embodied share alone. The functional unit is the trained model.
/// </summary>
internal static class AllocationStudy
{
    public const string File = "allocation.yaml";

    public const string Text = """
        cradle: 1
        name: allocation keys
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1 model
          description: one trained model
        system_boundary:
          included: [pre-training, hardware-manufacture]
        impact_categories: [gwp100]
        devices:
          gpu:
            power: 700 W
            embodied:
              gwp100: 463 kg CO2e
        hardware:
          fleet:
            device: gpu
            lifespan: 4 year
            utilisation: 0.5
            idle_power: 100 W
        grids:
          g:
            basis: life-cycle
            per_kwh:
              gwp100: 0.5 kg CO2e/kWh
        sites:
          s:
            grid: g
            pue: 1
            wue: 0 L/kWh
        stages:
          pre-training:
            hardware: fleet
            site: s
            energy: 0 kWh
            device_time: 1000 h
        """;

    /// <summary>The study with <c>allocation: KEY</c> on the hardware entry.</summary>
    public static string WithKey(string key) => Text.Replace("    idle_power: 100 W\n", $"    idle_power: 100 W\n    allocation: {key}\n", StringComparison.Ordinal);
}
