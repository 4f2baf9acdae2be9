using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cradle.Catalog.Production;
using Cradle.Trends.Assessment;
using Cradle.Trends.Selection;
using Cradle.Trends.Study;

namespace Cradle.Cli.Trends;

/// <summary>
/// Writes one trend row as a study file (docs/study-format.md), so a row can be refined into a full life-cycle study:
/// the training stage on the row's device, count and hours, its energy on the same basis as the trend analysis, the
/// organisation's country grid, the analysis' PUE, lifetime and utilisation, and the device's production figures from
/// the same estimator — every value with its source, for the user to replace with better data.
/// </summary>
internal static class TrendRowStudy
{
    private static readonly JsonWriterOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The study's YAML text.</summary>
    public static string Write(TrendStudyResult study, AssessableModel model, ModelResult baseline, ProductionResult production)
    {
        var a = study.Assumptions;
        var y = new StringBuilder();
        void Line(string text) => y.Append(text).Append('\n');
        Line($"# One model's training as a study, written by `cradle trends {study.Dataset} --model … --write-study` from line {I(model.Row.Line)}");
        Line("# of the Epoch AI \"Notable AI Models\" dataset (CC BY 4.0, Data: Epoch AI, epoch.ai), with the trend analysis'");
        Line("# assumptions (docs/trends.md). Replace any value you know better (measured energy, the real site, the device's own");
        Line("# production figures), then run `cradle assess` on this file.");
        Line("cradle: 1");
        Line($"name: {Q(model.Name + ": training (from Epoch AI notable models)")}");
        Line($"description: {Q($"Final training run of {model.Name} ({model.Row.Organization ?? "organisation unknown"}, published {model.PublicationDate:yyyy-MM-dd}) as Epoch AI reports it.")}");
        Line("goal:");
        Line($"  application: {Q($"Refine the trend analysis' estimate of {model.Name}'s training into a life-cycle study")}");
        Line("  audience: ML researchers and LCA practitioners");
        Line("  approach: attributional");
        Line("functional_unit:");
        Line("  amount: 1 model");
        Line($"  description: {Q($"One trained {model.Name}: its final training run.")}");
        Line("system_boundary:");
        Line("  included: [pre-training" + (production.IsEstimated ? ", hardware-manufacture" : "") + "]");
        Line("  excluded:");
        Line("    experimentation: Epoch AI reports the final training run only; development runs are not in the dataset.");
        Line("    inference: Not in the dataset.");
        if (!production.IsEstimated)
        {
            Line($"    hardware-manufacture: {Q($"{production.Estimator} cannot estimate the device's production: {production.Reason}")}");
        }

        Line("impact_categories: [gwp100, adpe, primary-energy]");
        Line("devices:");
        Line("  trained-on:");
        Line($"    base: {model.Device.Id}");
        if (production.Estimate is { } estimate)
        {
            Line("    embodied:");
            foreach (var (criterion, id) in new[] { (ProductionCriterion.Gwp100, "gwp100"), (ProductionCriterion.Adpe, "adpe"), (ProductionCriterion.PrimaryEnergy, "primary-energy") })
            {
                if (estimate.Impact(criterion) is { } impact)
                {
                    Line($"      {id}:");
                    Line($"        value: {R(impact.Value)} {impact.Unit}");
                    Line("        provenance: modelled");
                    Line($"        source: {Q($"{estimate.Estimator} production estimator ({estimate.Scope}): {estimate.Source}")}");
                    Line($"        uncertainty: {{distribution: lognormal, gsd: {R(impact.GeometricSd)}}}");
                }
            }
        }

        Line("hardware:");
        Line("  training-cluster:");
        Line("    device: trained-on");
        Line("    lifespan:");
        // In hours of 365-day years, as the trend analysis (and MLCA) count them: the hours state the convention in the file
        // itself, so the study means the same whatever a reader takes "year" to be ("6 year" is the same 52,560 h in Cradle).
        Line($"      value: {R(a.LifetimeYears * TrainingAssumptions.HoursPerYear)} h");
        Line($"      source: {Q($"Trend analysis default: {R(a.LifetimeYears)} years × 8,760 h (MLCA's replacement period, after Luccioni et al. 2023)")}");
        Line("    utilisation:");
        Line($"      value: {R(a.Utilisation)}");
        Line("      source: Trend analysis default (MLCA, after Luccioni et al. 2023)");
        Line("sites:");
        Line("  training-site:");
        Line($"    name: {Q(baseline.GridLabel)}");
        Line($"    grid: {baseline.GridId}");
        Line("    pue:");
        Line($"      value: {R(a.Pue)}");
        Line("      source: Trend analysis default (implied by Epoch AI's power-draw column; see docs/trends.md)");
        Line($"      uncertainty: {{distribution: triangular, min: {R(a.PueMin)}, max: {R(a.PueMax)}}}");
        Line("stages:");
        Line("  pre-training:");
        Line("    hardware: training-cluster");
        Line("    site: training-site");
        Line("    energy:");
        var energyKwh = baseline.Result(Indicator.Energy).Use.Central;
        if (baseline.EnergyBasis == "epoch-power-draw")
        {
            Line($"      value: {R(energyKwh)} kWh");
            Line("      boundary: facility");
            Line("      pue: ignore");
            Line("      provenance: declared");
            Line($"      source: {Q("Epoch AI training power draw × training time: " + baseline.EnergyBasisNote)}");
        }
        else
        {
            // The PUE is the site's; the server overhead is inside the node-level energy.
            Line($"      value: {R(energyKwh / a.Pue)} kWh");
            Line("      boundary: node");
            Line("      provenance: modelled");
            Line($"      source: {Q(string.Create(CultureInfo.InvariantCulture, $"device power × count × hours × server overhead {a.ServerOverhead} (the PUE is the site's): {baseline.EnergyBasisNote}"))}");
        }

        Line("    device_time:");
        Line($"      value: {R(model.DeviceCount * model.TrainingHours)} h");
        Line("      provenance: declared");
        Line($"      source: {Q(string.Create(CultureInfo.InvariantCulture, $"Epoch AI: {model.DeviceCount:#,0.##} devices × {model.TrainingHours:#,0.##} h of training"))}");
        return y.ToString();
    }

    // A JSON string is a valid YAML double-quoted scalar. Written with the writer, not the serialiser (NativeAOT).
    private static string Q(string text)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Quoting))
        {
            json.WriteStringValue(text);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // Twelve significant digits: exact enough for any input, without binary noise such as 330.0622000000001.
    private static string R(double value) =>
        value.ToString("G12", CultureInfo.InvariantCulture).Replace("E+", "e", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
