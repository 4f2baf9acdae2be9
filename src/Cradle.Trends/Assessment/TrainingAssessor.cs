using System.Globalization;
using Cradle.Catalog;
using Cradle.Core.Units;
using Cradle.Core.Uncertainty;
using Cradle.Trends.Selection;

namespace Cradle.Trends.Assessment;

/// <summary>
/// Assesses each model's training under a scenario, MLCA-style (dossier GPU-PRODUCTION.md, B3):
/// energy (kWh) = Epoch power draw (W) × hours ÷ 1000, or device power (W) × count × hours × server overhead × PUE ÷ 1000;
/// use impact = energy × grid factor per kWh; production impact = per-device impact × count × hours ÷ (lifetime × 8,760 ×
/// utilisation). Monte Carlo draws are seeded per model and input, and shared between scenarios (common random
/// numbers), so scenario differences are not blurred by sampling noise.
/// </summary>
public sealed class TrainingAssessor
{
    private readonly GridFactors _grids;
    private readonly IDeviceProductionImpacts _production;
    private readonly TrainingAssumptions _assumptions;

    /// <summary>Creates the assessor; <paramref name="assumptions"/> are checked.</summary>
    public TrainingAssessor(ReferenceCatalog catalog, IDeviceProductionImpacts production, TrainingAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(production);
        ArgumentNullException.ThrowIfNull(assumptions);
        assumptions.Validate();
        _grids = new GridFactors(catalog);
        _production = production;
        _assumptions = assumptions;
    }

    /// <summary>Every model under every scenario, in the order given.</summary>
    public IReadOnlyList<ScenarioResult> Assess(IReadOnlyList<AssessableModel> models, IEnumerable<Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        return scenarios.Select(s => Assess(models, s)).ToList();
    }

    /// <summary>Every model under one scenario.</summary>
    /// <exception cref="ArgumentException">The scenario names a grid the catalog lacks.</exception>
    public ScenarioResult Assess(IReadOnlyList<AssessableModel> models, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(scenario);
        var shifted = scenario.ShiftToGrids is { } ids ? _grids.LowestCarbon(ids) : null;
        // Models are independent and each draws from its own named random stream, so assessing them in parallel gives the
        // same results in the same order as one after another.
        var results = new ModelResult[models.Count];
        Parallel.For(0, models.Count, i =>
        {
            var m = models[i];
            var (gridId, gridLabel) = shifted is null
                ? (m.Location.GridId, m.Location.Label)
                : (shifted.Id, scenario.ShiftToGrids!.Count == 1 ? $"scenario: moved to {shifted.Name}" : $"scenario: moved to {shifted.Name}, the lowest-carbon of {string.Join(", ", scenario.ShiftToGrids)}");
            results[i] = AssessModel(m, scenario, gridId, gridLabel);
        });
        return new ScenarioResult(scenario, _assumptions, results);
    }

    private ModelResult AssessModel(AssessableModel model, Scenario scenario, string gridId, string gridLabel)
    {
        var a = _assumptions;
        var key = model.Row.Line.ToString(CultureInfo.InvariantCulture);
        var energy = EnergyDraws(model, key, scenario.EnergyFactor, out var energyCentral, out var basis, out var basisNote);
        // Electricity has no production phase: its total is its use, one band for both.
        var energyBand = Band.Of(energyCentral, (double[])energy.Clone(), a.BandLevel);
        var indicators = new List<IndicatorResult>
        {
            new(Indicator.Energy, Indicator.Energy.Unit(), energyBand, null, energyBand, null, "electricity at the meter of the data centre",
                null, "not applicable: electricity is a use-phase flow (production energy is counted in primary energy)"),
        };
        var allocation = model.DeviceCount * model.TrainingHours / a.ServiceHours;
        foreach (var indicator in Indicators.Impacts)
        {
            var (factor, label) = _grids.Factor(gridId, indicator);
            var scale = indicator == Indicator.Gwp ? scenario.CarbonIntensityFactor : 1;
            var factorDraws = Sample(factor, $"{key}/grid/{gridId}/{indicator.Key()}");
            var use = new double[a.Draws];
            for (var i = 0; i < use.Length; i++)
            {
                use[i] = energy[i] * factorDraws[i] * scale;
            }
            var useCentral = energyCentral * factor.Central * scale;
            var impact = _production.Impact(model.Device, indicator);
            if (impact.PerDevice is not { } perDevice)
            {
                indicators.Add(new(indicator, indicator.Unit(), Band.Of(useCentral, use, a.BandLevel), null, null, null,
                    LabelWithScale(label, scale), null, impact.Unavailable));
                continue;
            }
            var production = Sample(perDevice, $"{key}/production/{indicator.Key()}");
            var total = new double[a.Draws];
            var share = new double[a.Draws];
            for (var i = 0; i < production.Length; i++)
            {
                production[i] *= allocation;
                total[i] = use[i] + production[i];
                share[i] = total[i] > 0 ? production[i] / total[i] : 0;
            }
            var productionCentral = perDevice.Central * allocation;
            var totalCentral = useCentral + productionCentral;
            indicators.Add(new(indicator, indicator.Unit(), Band.Of(useCentral, use, a.BandLevel),
                Band.Of(productionCentral, production, a.BandLevel), Band.Of(totalCentral, total, a.BandLevel),
                Band.Of(totalCentral > 0 ? productionCentral / totalCentral : 0, share, a.BandLevel),
                LabelWithScale(label, scale), impact.Source, null));
        }
        var notes = model.DeviceNote is null ? Array.Empty<string>() : [model.DeviceNote];
        return new ModelResult(model.Name, model.Row.Organization, model.Row.FrontierModel, model.Row.Line, model.PublicationDate, model.Year, model.Device.Id, model.DeviceCount,
            model.TrainingHours, basis, basisNote, gridId, gridLabel, indicators, notes);
    }

    private static string LabelWithScale(string label, double scale) =>
        scale == 1 ? label : string.Create(CultureInfo.InvariantCulture, $"{label}; × {scale:0.###} (carbon-aware)");

    /// <summary>Electricity draws (kWh) and the central value, on the basis the assumptions and the row allow.</summary>
    private double[] EnergyDraws(AssessableModel model, string key, double energyFactor, out double central, out string basis, out string note)
    {
        var a = _assumptions;
        var overhead = new TriangularDistribution(a.ServerOverheadMin, a.ServerOverhead, a.ServerOverheadMax);
        var pue = new TriangularDistribution(a.PueMin, a.Pue, a.PueMax);
        var power = model.Device.Figure("power") is { } figure ? CatalogDistributions.Of(figure, UnitParser.Parse("W")) : null;
        var overheadDraws = Sample(overhead, $"{key}/overhead");
        var pueDraws = Sample(pue, $"{key}/pue");
        var powerDraws = power is null ? null : Sample(power, $"{key}/power");
        var energy = new double[a.Draws];
        var hours = model.TrainingHours;
        if (a.Basis == EnergyBasisPreference.PreferEpochPowerDraw && model.Row.TrainingPowerDrawWatts is > 0 and var epochWatts)
        {
            // Epoch's power already includes server overhead and PUE: they are not applied again. Its uncertainty is
            // carried as the ratio of each draw to its central value (rated power, overhead, PUE), centred on Epoch's figure.
            central = epochWatts * hours / 1000 * energyFactor;
            for (var i = 0; i < energy.Length; i++)
            {
                var ratio = overheadDraws[i] / a.ServerOverhead * (pueDraws[i] / a.Pue) * (powerDraws is null ? 1 : powerDraws[i] / power!.Central);
                energy[i] = central * ratio;
            }
            basis = "epoch-power-draw";
            note = string.Create(CultureInfo.InvariantCulture,
                $"Epoch power draw {epochWatts:#,0} W × {hours:#,0.##} h ÷ 1000{FactorText(energyFactor)} (server overhead and PUE already included)");
            return energy;
        }
        // The selector guarantees a power figure when Epoch gives no draw.
        central = power!.Central * model.DeviceCount * hours * a.ServerOverhead * a.Pue / 1000 * energyFactor;
        for (var i = 0; i < energy.Length; i++)
        {
            energy[i] = powerDraws![i] * model.DeviceCount * hours * overheadDraws[i] * pueDraws[i] / 1000 * energyFactor;
        }
        basis = "device-power";
        note = string.Create(CultureInfo.InvariantCulture,
            $"{power.Central:#,0.##} W × {model.DeviceCount:#,0} devices × {hours:#,0.##} h × overhead {a.ServerOverhead} × PUE {a.Pue} ÷ 1000{FactorText(energyFactor)}");
        return energy;
    }

    private static string FactorText(double factor) =>
        factor == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" × hardware factor {factor:0.###}");

    private double[] Sample(Distribution distribution, string name)
    {
        var draws = new double[_assumptions.Draws];
        distribution.Sample(new RandomDraws(_assumptions.Seed, name, 0), draws);
        return draws;
    }
}
