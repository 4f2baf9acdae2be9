using System.Globalization;
using Cradle.Core;
using Cradle.Trends.Assessment;
using Cradle.Trends.Selection;
using Cradle.Trends.Study;

namespace Cradle.Cli.Trends;

/// <summary>
/// <c>cradle trends DATASET --model NAME</c>: one model's breakdown under every scenario, or, for a row that could not be
/// assessed, its reasons; for a name in no row, the closest names.
/// </summary>
internal static class ModelBreakdown
{
    /// <summary>The model's results, one per scenario, or null when the name is not an assessed model.</summary>
    public static IReadOnlyList<(ScenarioResult Scenario, ModelResult Model)>? Find(TrendStudyResult study, string name)
    {
        var index = study.Selection.Assessable.ToList().FindIndex(m => Same(m.Name, name));
        return index < 0 ? null : [.. study.Scenarios.Select(s => (s, s.Models[index]))];
    }

    /// <summary>The assessable model itself (its device entry and location), or null.</summary>
    public static AssessableModel? Assessable(TrendStudyResult study, string name) =>
        study.Selection.Assessable.FirstOrDefault(m => Same(m.Name, name));

    /// <summary>Why <paramref name="name"/> has no breakdown: a skipped row's reasons, or the closest names.</summary>
    public static string NotAssessed(TrendStudyResult study, string name)
    {
        if (study.Selection.Skipped.FirstOrDefault(s => Same(s.Row.Model, name)) is { } skipped)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{skipped.Row.Model}' (line {skipped.Row.Line}) was not assessed: ")
                + string.Join("; ", skipped.Reasons.Select(r => $"{r.Message} ({r.Code})"));
        }

        var names = study.Selection.Assessable.Select(m => m.Name).Concat(study.Selection.Skipped.Select(s => s.Row.Model)).Distinct().ToList();
        var closest = NameSuggestions.Closest(name, names);
        return $"no model is named '{name}' in {study.Dataset}" + (closest.Count > 0 ? $"; closest: {string.Join(", ", closest)}" : "");
    }

    /// <summary>Writes the breakdown.</summary>
    public static void Write(IReadOnlyList<(ScenarioResult Scenario, ModelResult Model)> results, TrendStudyResult study, TextWriter writer)
    {
        var m = results[0].Model;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{m.Model} ({m.Organization ?? "organisation unknown"}, published {m.PublicationDate:yyyy-MM-dd}; {study.Dataset} line {m.Line})"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  training: {m.DeviceCount:#,0.##} × {m.DeviceId} for {m.TrainingHours:#,0.##} h"));
        foreach (var note in m.Notes)
        {
            writer.WriteLine("  note: " + note);
        }

        writer.WriteLine(TrendsText.Assumptions(study));
        foreach (var (scenario, model) in results)
        {
            writer.WriteLine();
            writer.WriteLine($"scenario {scenario.Scenario.Id}: grid {model.GridId} ({model.GridLabel})");
            writer.WriteLine($"  energy basis {model.EnergyBasis}: {model.EnergyBasisNote}");
            foreach (var r in model.Indicators)
            {
                if (r.Indicator == Indicator.Energy)
                {
                    writer.WriteLine($"  energy: {TrendsFormat.Band(r.Use)} {r.Unit} (median [95 % band])");
                    continue;
                }

                writer.WriteLine($"  {r.Indicator.Key()} ({r.Unit}): use {TrendsFormat.Band(r.Use)} — {r.UseFactor}");
                writer.WriteLine(r.Production is { } production
                    ? $"      production {TrendsFormat.Band(production)} — {r.ProductionSource}"
                    : $"      production unavailable: {r.ProductionUnavailable}");
                if (r.Total is { } total)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"      total {TrendsFormat.Band(total)}, production share {r.ProductionShare!.Median * 100:0.#} %"));
                }
            }
        }
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
