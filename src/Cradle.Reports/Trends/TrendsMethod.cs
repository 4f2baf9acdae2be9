using System.Globalization;
using Cradle.Trends.Assessment;

namespace Cradle.Reports.Trends;

/// <summary>
/// The method text of the trends report and its assumptions with their sources (the sources are those documented on
/// <see cref="TrainingAssumptions"/> and in docs/trends.md).
/// </summary>
public static class TrendsMethod
{
    /// <summary>The label every trends report carries: what it reconstructs and how sure that is.</summary>
    public const string ReconstructionLabel =
        "Reconstruction of Morand et al.'s method; the paper's exact choices are unknown where stated.";

    /// <summary>The method, paragraph by paragraph, with the numbers of <paramref name="a"/> and the production
    /// <paramref name="estimator"/> used for every card.</summary>
    public static IReadOnlyList<string> Paragraphs(TrainingAssumptions a, string estimator)
    {
        ArgumentNullException.ThrowIfNull(a);
        return
        [
            "This report reconstructs the method of Morand, Névéol and Ligozat (arXiv 2510.09022), which follows MLCA, over Epoch AI's table of notable models. "
                + "Where the paper does not state a choice (the power basis, the overhead, the PUE, the device lifetime and utilisation, how the location is picked), the choice made here is stated with its source below; the paper's exact choices are unknown there.",
            "Energy (kWh): where Epoch gives a training power draw, power draw (W) × training hours ÷ 1000 — Epoch's power already includes a server overhead and a PUE, so nothing is added; "
                + "otherwise the device's rated power (catalog) × device count × hours × server overhead × PUE ÷ 1000. Epoch's \"hardware utilization\" is a FLOP utilisation and is not used as a power fraction.",
            "Use phase: energy × the grid's GWP, ADPe and primary energy per kWh (catalog country grids). Countries without ADPe or PE figures take the world average's, labelled per indicator.",
            Inv($"Production phase: each device's production impact by the {estimator} estimator (the same for every card; docs/production.md) × device count × training hours ÷ service hours, where service hours = lifetime {a.LifetimeYears:0.##} years × 8,760 h × utilisation {a.Utilisation:0.##} = {a.ServiceHours:N0} h. ")
                + "A device the estimator cannot estimate (no die area) has no production and no total for that indicator (never a zero), with the reason in the results.",
            "Location (country-as-proxy rule): Epoch gives the organisation's country, not the data centre's. The baseline takes the first named country the catalog has a grid for, skipping \"Multinational\"; "
                + "the lead organisation's country stands in for where the training ran. With no usable country the world average is used and labelled as a fallback.",
            Inv($"Uncertainty: {a.Draws:N0} Monte Carlo draws per model and scenario (seed {a.Seed}), shared across scenarios (common random numbers). Each figure is given as its central value, the median of the draws and a {a.BandLevel * 100:0.#} % band (percentiles).")
                + " The trends are ordinary least-squares fits of ln(median) against the fractional publication year, as Epoch AI fits growth; intervals use Student's t with n − 2 degrees of freedom.",
            $"Card production: each catalog accelerator's production GWP by the {estimator} estimator, "
                + "against its release year, with the same log-linear fit over the cards that have both.",
        ];
    }

    /// <summary>The assumptions of <paramref name="a"/>: name, value, source (as on <see cref="TrainingAssumptions"/>).</summary>
    public static IReadOnlyList<(string Name, string Value, string Source)> Assumptions(TrainingAssumptions a, string estimator)
    {
        ArgumentNullException.ThrowIfNull(a);
        return
        [
            ("Energy basis", a.Basis == EnergyBasisPreference.PreferEpochPowerDraw ? "Epoch power draw where given, else device power" : "device power always",
                "Epoch's power draw already includes its 1.82 server overhead and a PUE (Epoch AI methodology)"),
            ("Server overhead", Inv($"{a.ServerOverhead:0.###} (triangular {a.ServerOverheadMin:0.###}–{a.ServerOverheadMax:0.###})"),
                "Epoch AI, DGX H100: 10.2 kW ÷ (8 × 700 W); MLCA's BLOOM-derived 200/109 = 1.835 agrees. Range: our judgement (lighter and older hosts)"),
            ("PUE", Inv($"{a.Pue:0.###} (triangular {a.PueMin:0.###}–{a.PueMax:0.###})"),
                "Implied by Epoch's power-draw column, December 2024 snapshot (1.21–1.25). Range: Google fleet 2024 (1.09) to Uptime Institute 2024 average (1.56), catalog datacentres.yaml"),
            ("Device lifetime", Inv($"{a.LifetimeYears:0.##} years"), "MLCA's replacement period, from Luccioni et al. 2023 (BLOOM); others use 3 (EcoLogits, Boavizta) or 4 (Morrison et al. 2025)"),
            ("Device utilisation", Inv($"{a.Utilisation:0.##}"), "MLCA, from Luccioni et al. 2023"),
            ("Service hours", Inv($"{a.ServiceHours:N0} h"), "lifetime × 8,760 h × utilisation"),
            ("Monte Carlo", Inv($"{a.Draws:N0} draws, seed {a.Seed}, {a.BandLevel * 100:0.#} % band"), "sampling settings of this run"),
            ("Grid factors", "GWP, ADPe, PE per kWh by country", "catalog grids-countries.yaml, with the catalog's uncertainty"),
            ("Device power", "rated board power", "catalog accelerators, each figure with its own source"),
            ("Production estimator", estimator, "one estimator for every card (docs/production.md); each model's production source names its inputs"),
        ];
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
