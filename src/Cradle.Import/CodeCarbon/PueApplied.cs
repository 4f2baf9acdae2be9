using System.Globalization;

namespace Cradle.Import.CodeCarbon;

/// <summary>
/// The PUE CodeCarbon multiplied a row's energies by, and how that is known. From 2.2.3 every component energy (and so
/// <c>energy_consumed</c>) is PUE-inclusive; before it there was no PUE. Cradle stores IT energy, so the importer
/// divides by this factor once, and the study applies its site's PUE later: never twice.
/// </summary>
/// <param name="Factor">The divisor that gives IT energy, ≥ 1.</param>
/// <param name="Note">How the factor is known, for the sensor descriptions.</param>
internal sealed record PueApplied(double Factor, string Note)
{
    public static PueApplied Of(CodeCarbonRecord record)
    {
        if (record.Pue is { } pue)
        {
            return new PueApplied(pue, string.Create(CultureInfo.InvariantCulture,
                $"CodeCarbon multiplied this energy by its pue {pue:0.###}; stored divided by it (IT energy)"));
        }

        if (record.VersionKnown && record.VersionNumber < CodeCarbonRecord.FirstWithPue)
        {
            return new PueApplied(1, $"CodeCarbon {record.Version} predates PUE (added in 2.2.3): the energy is IT energy");
        }

        // Task files (emissions_<name>_<run>.csv) of 2.2.3+ have no pue column although the tracker applied its pue.
        return new PueApplied(1, $"the file has no pue column although CodeCarbon {record.Version} may apply one: " +
            "its default 1.0 is assumed; if the tracker was given another pue, the stored energy includes it");
    }
}
