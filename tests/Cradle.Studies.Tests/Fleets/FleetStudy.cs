using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Fleets;

/// <summary>
/// The tiny study served by two fleets: the tiny study's cloud (0.002 kWh and 1 s of a GPU per request at site s,
/// PUE 1.5, 0.5 kg CO2e/kWh) for 75 % of the requests, and phones (edge: 0.0004 kWh and 4 s of an NPU per request at
/// home, PUE 1, 0.1 kg CO2e/kWh) for 25 %. The NPU: 10 kg CO2e over 3 years at 10 % busy, so one second of it carries
/// 10 ÷ 3,600 ÷ (26,280 h × 0.1) kg CO2e.
/// </summary>
internal static class FleetStudy
{
    /// <summary>The cloud's gwp100 per request (kg): 0.002 kWh × 1.5 × 0.5 = 1.5e-3, plus 1 s of the GPU = 100 ÷ 3,600 ÷ 8,760.</summary>
    public const double CloudEnergy = 0.002 * 1.5 * 0.5;
    public const double CloudEmbodied = 1.0 / 3600 * 100 / 8760;

    /// <summary>The edge's gwp100 per request (kg): 0.0004 kWh × 1 × 0.1 = 4e-5, plus 4 s of the NPU = 4 ÷ 3,600 × 10 ÷ 2,628.</summary>
    public const double EdgeEnergy = 0.0004 * 1.0 * 0.1;
    public const double EdgeEmbodied = 4.0 / 3600 * 10 / 2628;

    /// <summary>Development per request: (1,000 kWh × 0.75 + 2,000 h × 100 ÷ 8,760 kg) ÷ 10⁶ requests.</summary>
    public const double DevelopmentPerRequest = ((1000 * 0.75) + (2000 * 100.0 / 8760)) / 1e6;

    private const string EdgeInputs = """
        devices:
          npu:
            embodied:
              gwp100: 10 kg CO2e
              water: 5 L
          gpu:
        """;

    private const string EdgeHardware = """
        hardware:
          phone:
            device: npu
            per_node: 1
            lifespan: 3 year
            utilisation: 0.1
          fleet:
        """;

    private const string EdgeSite = """
        sites:
          home:
            grid: e
            pue: 1
            wue: 0 L/kWh
          s:
        """;

    private const string EdgeGrid = """
        grids:
          e:
            basis: life-cycle
            per_kwh:
              gwp100: 0.1 kg CO2e/kWh
              water: 1 L/kWh
          g:
        """;

    /// <summary>The two-fleet study; <paramref name="cloudTraffic"/> and <paramref name="edgeTraffic"/> are each fleet's traffic line(s).</summary>
    public static string Study(string cloudTraffic = "share: 0.75", string edgeTraffic = "share: 0.25", string lifetime = "  lifetime_requests: 1e6 request\n", string edgeExtra = "")
    {
        var text = TinyStudy.With("devices:\n  gpu:", EdgeInputs.TrimEnd());
        text = TinyStudy.With("hardware:\n  fleet:", EdgeHardware.TrimEnd(), text);
        text = TinyStudy.With("sites:\n  s:", EdgeSite.TrimEnd(), text);
        text = TinyStudy.With("grids:\n  g:", EdgeGrid.TrimEnd(), text);
        var inference = text.IndexOf("inference:\n", StringComparison.Ordinal);
        return text[..inference] + "inference:\n" + lifetime + $"""
              fleets:
                cloud:
                  hardware: fleet
                  site: s
                  energy_per_request: 0.002 kWh/request
                  device_time_per_request: 1 s/request
                  {cloudTraffic}
                edge:
                  hardware: phone
                  site: home
                  energy_per_request: 0.0004 kWh/request
                  device_time_per_request: 4 s/request
                  years: 3 year
                  {edgeTraffic}
            """ + edgeExtra;
    }

    public static AlternativeAssessment Assess(string text) => TinyStudy.Assess(text).Alternatives[0];

    public static int Category(AlternativeAssessment a, string id) => a.Categories.Select(c => c.Id).ToList().IndexOf(id);
}
