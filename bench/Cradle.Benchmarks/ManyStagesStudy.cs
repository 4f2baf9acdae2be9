using System.Globalization;
using System.Text;

namespace Cradle.Benchmarks;

/// <summary>
/// A study like the bundled example with many development stages, each with an uncertain energy: the workload of
/// <c>cradle sensitivity</c> at scale (issue 13), where the inputs and the processes both grow with the stages.
/// Write one with <c>dotnet run -c Release --project bench/Cradle.Benchmarks -- write-many-stages 1000 study.yaml</c>.
/// </summary>
internal static class ManyStagesStudy
{
    /// <summary>
    /// The study text: the example's hardware, grid and sites, its serving, and <paramref name="stages"/> pre-training
    /// runs <c>run-0000</c>, … on the Jupiter cluster, run i using (1 + i mod 7) MWh, lognormal with GSD 1.1 (one
    /// uncertain input each), and 1,000 device-hours.
    /// </summary>
    public static string Text(int stages)
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < stages; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                  run-{i:D4}:
                    kind: pre-training
                    hardware: jupiter-h100
                    site: jupiter
                    energy: {"{"}value: {1 + (i % 7)} MWh, boundary: gpu, pue: apply, uncertainty: {"{"}distribution: lognormal, gsd: 1.1{"}"}{"}"}
                    device_time: 1000 h

                """);
        }
        return text.ToString();
    }

    /// <summary>Writes <see cref="Text"/> to <paramref name="path"/>; for <c>write-many-stages STAGES PATH</c>.</summary>
    public static void Write(int stages, string path) => File.WriteAllText(path, Text(stages));

    private const string Header = """
        cradle: 1
        name: Many stages (sensitivity at scale)
        goal:
          application: Time the sensitivity analysis of a study with many stages.
          audience: Cradle's developers
          approach: attributional
        functional_unit:
          amount: 1000 request
          description: 1,000 requests served after many pre-training runs.
        system_boundary:
          included: [pre-training, inference, hardware-manufacture]
        impact_categories: [gwp100, water]
        parameters:
          serving_energy: 0.018 kWh
          prompts: 2400 request
          serving_gpu_time_per_100: 3.68 s
          timing_basis: 100 request
        devices:
          h100-sxm:
            base: nvidia-h100-sxm5-80gb
        hardware:
          jupiter-h100:
            device: h100-sxm
            per_node: 8
            lifespan: 4 year
            utilisation: 1.0
        grids:
          austin-energy:
            name: Austin Energy (Texas)
            basis: direct
            per_kwh:
              gwp100:
                value: 0.332 kg CO2e/kWh
                uncertainty: {distribution: lognormal, gsd: 1.1}
              water: 1.29 L/kWh
        sites:
          jupiter:
            name: Jupiter cluster, Austin
            grid: austin-energy
            pue:
              value: 1.2
              uncertainty: {distribution: triangular, min: 1.1, max: 1.4}
            wue: 0 L/kWh
        inference:
          hardware: jupiter-h100
          site: jupiter
          lifetime_requests: 1e9 request
          energy_per_request:
            value: serving_energy / prompts
            boundary: gpu
            pue: ignore
          device_time_per_request: serving_gpu_time_per_100 / timing_basis
          samples_per_request: 1
        stages:

        """;
}
