namespace Cradle.Trends.Assessment;

/// <summary>How the energy of a training run is estimated.</summary>
public enum EnergyBasisPreference
{
    /// <summary>Epoch's "Training power draw (W)" × hours where Epoch gives it (it already includes server overhead and PUE), else device power × count × hours × overhead × PUE.</summary>
    PreferEpochPowerDraw,
    /// <summary>Always device power × count × hours × overhead × PUE, ignoring Epoch's power draw.</summary>
    DevicePower,
}

/// <summary>
/// The parameters of the MLCA-style reconstruction (dossier GPU-PRODUCTION.md, B3), with their defaults and sources.
/// Ranges are sampled in the Monte Carlo; lifetime and utilisation are fixed (vary them as parameters).
/// </summary>
/// <param name="ServerOverhead">Server power ÷ accelerator rated power (CPUs, memory, network, fans), ≥ 1. Default 1.82: Epoch AI's factor from the DGX H100 (10.2 kW ÷ 8 × 700 W), the overhead inside its power-draw column; MLCA's BLOOM-derived dynamic ratio 200/109 = 1.835 agrees.</param>
/// <param name="ServerOverheadMin">Low end of a triangular around <paramref name="ServerOverhead"/>. Default 1.6: our judgement (M), for lighter hosts than a DGX.</param>
/// <param name="ServerOverheadMax">High end. Default 2.0: our judgement (M), for older hosts with more CPU per accelerator.</param>
/// <param name="Pue">Data-centre power usage effectiveness, ≥ 1. Default 1.23: implied by Epoch's power-draw column in the December 2024 snapshot (power ÷ (TDP × count × 1.82) = 1.21–1.25; Epoch takes Shehabi et al. 2024's annual US AI-data-centre PUE minus 0.29).</param>
/// <param name="PueMin">Low end of a triangular around <paramref name="Pue"/>. Default 1.09: Google's fleet, 2024 (catalog datacentres.yaml, google-fleet).</param>
/// <param name="PueMax">High end. Default 1.56: Uptime Institute 2024 survey average (catalog datacentres.yaml, industry-average).</param>
/// <param name="LifetimeYears">Years an accelerator is in service, &gt; 0. Default 6: MLCA's replacement period, from Luccioni et al. 2023 (BLOOM). Others use 3 (EcoLogits, Boavizta) or 4 (Morrison et al. 2025).</param>
/// <param name="Utilisation">Average share of its service life a device is busy, 0 &lt; u ≤ 1. Default 0.85: MLCA, from Luccioni et al. 2023.</param>
/// <param name="Basis">Which energy basis to use.</param>
/// <param name="Draws">Monte Carlo draws per model and scenario, ≥ 100. Default 10,000.</param>
/// <param name="Seed">Seed of the draws; the same seed gives the same bands.</param>
/// <param name="BandLevel">Coverage of the reported band, 0–1. Default 0.95 (2.5th to 97.5th percentile).</param>
public sealed record TrainingAssumptions(
    double ServerOverhead = 1.82, double ServerOverheadMin = 1.6, double ServerOverheadMax = 2.0,
    double Pue = 1.23, double PueMin = 1.09, double PueMax = 1.56,
    double LifetimeYears = 6, double Utilisation = 0.85,
    EnergyBasisPreference Basis = EnergyBasisPreference.PreferEpochPowerDraw,
    int Draws = 10_000, ulong Seed = 20_241_201, double BandLevel = 0.95)
{
    /// <summary>Hours in a year of service, 365 × 24 (MLCA's convention).</summary>
    public const double HoursPerYear = 8760;

    /// <summary>The defaults above.</summary>
    public static TrainingAssumptions Default { get; } = new();

    /// <summary>Service hours over which production is spread: lifetime × 8,760 × utilisation (6 × 8,760 × 0.85 = 44,676 h by default).</summary>
    public double ServiceHours => LifetimeYears * HoursPerYear * Utilisation;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        static void Check(bool ok, string name, double value, string rule)
        {
            if (!ok)
            {
                throw new ArgumentOutOfRangeException(name, value, rule);
            }
        }
        Check(ServerOverheadMin >= 1 && ServerOverheadMin <= ServerOverhead && ServerOverhead <= ServerOverheadMax, nameof(ServerOverhead), ServerOverhead, "needs 1 ≤ min ≤ overhead ≤ max");
        Check(PueMin >= 1 && PueMin <= Pue && Pue <= PueMax, nameof(Pue), Pue, "needs 1 ≤ min ≤ PUE ≤ max");
        Check(LifetimeYears > 0 && double.IsFinite(LifetimeYears), nameof(LifetimeYears), LifetimeYears, "a lifetime is a positive number of years");
        Check(Utilisation is > 0 and <= 1, nameof(Utilisation), Utilisation, "utilisation is a fraction above 0, at most 1");
        Check(Draws >= 100, nameof(Draws), Draws, "at least 100 draws");
        Check(BandLevel is > 0 and < 1, nameof(BandLevel), BandLevel, "a band level is a fraction between 0 and 1, e.g. 0.95");
    }
}
