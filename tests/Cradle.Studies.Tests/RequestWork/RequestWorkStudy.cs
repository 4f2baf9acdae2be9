using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.RequestWork;

/// <summary>
/// The tiny study served per token (200 output tokens at 2e-6 kWh/token: 4e-4 kWh of decode per request), and the
/// figures its per-request terms are checked against. The tiny study: PUE 1.5 and 0.5 kg CO2e/kWh, so one kWh of IT
/// energy at the serving site is 0.75 kg CO2e; one GPU (100 kg CO2e) over 2 years at 50 % busy, so one second of
/// device time carries 100 ÷ 3,600 ÷ 8,760 kg CO2e (busy key: 100 kg ÷ (17,520 h × 0.5)).
/// </summary>
internal static class RequestWorkStudy
{
    public const double KgPerItKwh = 1.5 * 0.5;

    /// <summary>Embodied gwp100 of one second of fleet device time, kg CO2e.</summary>
    public const double EmbodiedPerSecond = 1.0 / 3600 * 100 / 8760;

    /// <summary>Development per request: (1,000 kWh × 0.75 + 2,000 h × 100 ÷ 8,760 kg) ÷ 10⁶ requests.</summary>
    public const double DevelopmentPerRequest = ((1000 * 0.75) + (2000 * 100.0 / 8760)) / 1e6;

    public static readonly string PerToken = TinyStudy.With("  energy_per_request: 0.002 kWh/request",
        "  energy_per_token: 2e-6 kWh/token\n  output_tokens: 200 token/request");

    /// <summary>The per-token study with <paramref name="lines"/> added to <c>inference</c> (after the device time).</summary>
    public static string With(string lines, string text = "") =>
        TinyStudy.With("  device_time_per_request: 1 s/request", "  device_time_per_request: 1 s/request\n" + lines, text.Length == 0 ? PerToken : text);

    public static AlternativeAssessment Assess(string text) => TinyStudy.Assess(text).Alternatives[0];

    public static EnergyUse Scope(AlternativeAssessment a, string scope) => Assert.Single(a.Energy.Scopes, s => s.Scope == scope);

    public static RequestTerm Term(AlternativeAssessment a, string term) => Assert.Single(a.RequestComposition, t => t.Term == term);
}
