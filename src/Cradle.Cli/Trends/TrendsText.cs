using System.Globalization;
using Cradle.Trends.Assessment;
using Cradle.Trends.Study;
using Cradle.Trends.Trends;

namespace Cradle.Cli.Trends;

/// <summary>The trend study for people: counts, assumptions, and per scenario the fitted trend of each indicator.</summary>
internal static class TrendsText
{
    /// <summary>Writes the summary table.</summary>
    public static void Write(TrendStudyResult study, TextWriter writer)
    {
        var s = study.Selection;
        writer.WriteLine(Invariant($"cradle trends: {study.Dataset} — {study.Rows} rows, {s.Assessable.Count} assessed, {s.Skipped.Count} skipped"));
        writer.WriteLine("  skipped, by first reason: " + (s.SkippedByFirstReason.Count == 0 ? "none"
            : string.Join(", ", s.SkippedByFirstReason.OrderByDescending(p => p.Value).Select(p => Invariant($"{p.Key} {p.Value}")))));
        writer.WriteLine(Assumptions(study));
        writer.WriteLine("  method: a reconstruction of Morand, Ligozat and Névéol's analysis (MLCA-style; the paper's exact choices are unknown where docs/trends.md says so)");
        foreach (var (result, trends) in study.Scenarios.Zip(study.Trends))
        {
            writer.WriteLine();
            writer.WriteLine($"scenario {result.Scenario.Id}: {result.Scenario.Description}");
            foreach (var trend in trends.Trends)
            {
                writer.WriteLine($"  {Label(trend),-28} {TrendsFormat.Trend(trend)}");
            }

            if (PooledShare(result) is { } share)
            {
                writer.WriteLine(Invariant($"  production share of GWP, pooled over the {share.Models} models with a production figure: {share.Share * 100:0.#} %"));
            }
        }

        writer.WriteLine();
        var withFigure = study.Cards.Count(c => c.GwpKg is not null);
        writer.WriteLine(study.CardTrend is { } fit
            ? Invariant($"card production GWP ({study.Estimator}) against release year: {TrendsFormat.Trend(fit)}, n {fit.Count}")
            : $"card production GWP ({study.Estimator}) against release year: no fit: {study.CardTrendMissing}");
        writer.WriteLine(Invariant($"  {withFigure} of {study.Cards.Count} catalog accelerators have an estimate; the others are listed with the reason in --format json"));
        writer.WriteLine("per-model results: --csv FILE or --format json; one model: --model NAME; a chart report: --report FILE.html");
    }

    /// <summary>The assumptions line.</summary>
    public static string Assumptions(TrendStudyResult study)
    {
        var a = study.Assumptions;
        var basis = a.Basis == EnergyBasisPreference.PreferEpochPowerDraw
            ? "Epoch's training power draw where given (overhead and PUE included), else device power × count × hours × overhead × PUE"
            : "device power × count × hours × overhead × PUE";
        return Invariant($"  assumptions: production estimator {study.Estimator} for every card; energy from {basis}; server overhead {a.ServerOverhead} [{a.ServerOverheadMin}–{a.ServerOverheadMax}], PUE {a.Pue} [{a.PueMin}–{a.PueMax}]; production allocated by time share over {a.LifetimeYears} years × utilisation {a.Utilisation} = {a.ServiceHours:#,0} service hours; {a.Draws} Monte Carlo draws, seed {a.Seed}, {a.BandLevel * 100:0.#} % bands; grids by the organisation's country (a proxy)");
    }

    /// <summary>Sum of production ÷ sum of total GWP (central values) over the models that have both.</summary>
    public static (double Share, int Models)? PooledShare(ScenarioResult result)
    {
        var both = result.Models.Select(m => m.Result(Indicator.Gwp)).Where(g => g.Production is not null && g.Total is not null).ToList();
        var total = both.Sum(g => g.Total!.Central);
        return both.Count == 0 || total <= 0 ? null : (both.Sum(g => g.Production!.Central) / total, both.Count);
    }

    private static string Label(IndicatorTrend trend) => $"{trend.Indicator.Key()} {trend.Phase.ToString().ToLowerInvariant()} ({trend.Unit})";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
