using Cradle.Measure.Efficiency;
using Cradle.Store;

namespace Cradle.Runs;

/// <summary>The grid factor a comparison prices energy with: g CO2e per kWh from a catalog entry, and where it comes from.</summary>
/// <param name="SiteId">The catalog entry's id, e.g. "de".</param>
/// <param name="GramsPerKilowattHour">GWP100 intensity, g CO2e/kWh, ≥ 0.</param>
/// <param name="Source">The estimate's source key and citation.</param>
/// <param name="Year">The year the figure describes.</param>
public sealed record GridFactor(string SiteId, double GramsPerKilowattHour, string Source, int Year);

/// <summary>One run's per-request figures and ESS, each null with a reason when it cannot be given.</summary>
/// <param name="Run">The stored run.</param>
/// <param name="Hardware">The sensors' distinct device labels in ordinal order, joined with " + ".</param>
/// <param name="EnergyJoules">Sum of the sensors' last cumulative energy, J; null when no sensor has one.</param>
/// <param name="MeasuredShare">Share of <paramref name="EnergyJoules"/> from measured (not modelled) sensors, 0–1.</param>
/// <param name="EnergyPerRequestJoules">J per request; null with <paramref name="EnergyPerRequestUnavailable"/>.</param>
/// <param name="EnergyPerRequestUnavailable">Why there is no per-request energy.</param>
/// <param name="Co2ePerRequestGrams">g CO2e per request; null with <paramref name="Co2eUnavailable"/>.</param>
/// <param name="Co2eUnavailable">Why there is no per-request CO2e.</param>
/// <param name="Ess">Plain ESS per request (QF = 1).</param>
/// <param name="QuantisationFactor">The QF given for the run's precision, or null.</param>
/// <param name="EssQuantised">ESS per request with the QF.</param>
/// <param name="Covers">What the energy covers, from the kinds of the sensors with energy (<see cref="EnergyCoverage"/>),
/// e.g. "gpu" for an ML.ENERGY record, "cpu+gpu+memory" for a full <c>cradle measure</c> run.</param>
public sealed record ComparedRun(
    Run Run, string Hardware, double? EnergyJoules, double? MeasuredShare,
    double? EnergyPerRequestJoules, string? EnergyPerRequestUnavailable,
    double? Co2ePerRequestGrams, string? Co2eUnavailable,
    SustainabilityScore Ess, double? QuantisationFactor, SustainabilityScore EssQuantised, string Covers);

/// <summary>Builds <see cref="ComparedRun"/> rows from stored runs (<c>cradle runs compare</c>).</summary>
public static class RunComparison
{
    private const double JoulesPerKilowattHour = 3.6e6;

    /// <summary>
    /// Energy per request = Σ sensors' last cumulative energy ÷ requests; CO2e per request = that ÷ 3.6·10^6 J/kWh × the
    /// grid factor; ESS per request = (N · QF / 10^6) ÷ g CO2e per request.
    /// </summary>
    /// <param name="run">The stored run, with its inference metadata.</param>
    /// <param name="sensors">The run's sensors.</param>
    /// <param name="samples">The run's samples (cumulative energy in J since the run's start).</param>
    /// <param name="grid">The grid factor, or null when no --site was given.</param>
    /// <param name="quantisationFactors">QF by precision (case-insensitive keys); a precision not in it has no QF variant.</param>
    public static ComparedRun Compare(Run run, IReadOnlyList<Sensor> sensors, IReadOnlyList<Sample> samples, GridFactor? grid,
        IReadOnlyDictionary<string, double> quantisationFactors)
    {
        var last = samples.Where(s => s.EnergyJoules is not null)
            .GroupBy(s => s.SensorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.OffsetSeconds)!.EnergyJoules!.Value, StringComparer.Ordinal);
        var withEnergy = sensors.Where(s => last.ContainsKey(s.Id)).ToList();
        double? energy = withEnergy.Count == 0 ? null : withEnergy.Sum(s => last[s.Id]);
        double? measuredShare = energy is > 0
            ? withEnergy.Where(s => s.Provenance == SensorProvenance.Measured).Sum(s => last[s.Id]) / energy
            : null;
        var hardware = string.Join(" + ", sensors.Select(s => s.Device).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

        double? perRequest = null;
        string? perRequestWhy = null;
        if (run.Inference.Requests is not { } requests)
        {
            perRequestWhy = "no request count (cradle measure --requests)";
        }
        else if (requests <= 0)
        {
            perRequestWhy = "the request count is not above 0";
        }
        else if (energy is not { } joules)
        {
            perRequestWhy = "no sensor has an energy figure";
        }
        else
        {
            perRequest = joules / requests;
        }

        double? co2e = null;
        string? co2eWhy = null;
        if (grid is null)
        {
            co2eWhy = "no grid factor (runs compare --site ID)";
        }
        else if (perRequest is not { } j)
        {
            co2eWhy = perRequestWhy;
        }
        else
        {
            co2e = j / JoulesPerKilowattHour * grid.GramsPerKilowattHour;
        }

        var parameters = run.Inference.ParameterCount;
        double? qf = run.Inference.Precision is { } precision && quantisationFactors.TryGetValue(precision, out var f) ? f : null;
        var quantised = Score(parameters, co2e, co2eWhy, qf);
        if (run.Inference.Precision is null && quantised.Value is null && quantised.Unavailable!.StartsWith("no quantisation factor", StringComparison.Ordinal))
        {
            // A run with no recorded precision (an ML.ENERGY record) cannot be given a QF by precision at all.
            quantised = new SustainabilityScore(null, "no precision recorded, so no quantisation factor applies");
        }
        return new ComparedRun(run, hardware.Length == 0 ? "-" : hardware, energy, measuredShare, perRequest, perRequestWhy, co2e, co2eWhy,
            Score(parameters, co2e, co2eWhy, 1), qf, quantised, EnergyCoverage.Of(withEnergy.Select(s => s.Kind)));
    }

    private static SustainabilityScore Score(double? parameters, double? co2e, string? co2eWhy, double? qf)
    {
        var score = SustainabilityScore.Compute(parameters, co2e, qf);
        // A missing CO2e has a more specific reason here than the score's generic one.
        return co2e is null && score.Unavailable == "no CO2e figure" ? new SustainabilityScore(null, co2eWhy) : score;
    }

    /// <summary>Orders rows: energy and co2e ascending, ess descending (higher is better), model by name; unavailable last.</summary>
    public static IReadOnlyList<ComparedRun> Sort(IEnumerable<ComparedRun> rows, string by) => by switch
    {
        "energy" => rows.OrderBy(r => r.EnergyPerRequestJoules is null).ThenBy(r => r.EnergyPerRequestJoules).ToList(),
        "co2e" => rows.OrderBy(r => r.Co2ePerRequestGrams is null).ThenBy(r => r.Co2ePerRequestGrams).ToList(),
        "ess" => rows.OrderBy(r => r.Ess.Value is null).ThenByDescending(r => r.Ess.Value).ToList(),
        "model" => rows.OrderBy(r => r.Run.Inference.Model is null).ThenBy(r => r.Run.Inference.Model, StringComparer.Ordinal).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, "a sort key this version does not know"),
    };
}
