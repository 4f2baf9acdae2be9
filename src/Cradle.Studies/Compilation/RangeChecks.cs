using System.Globalization;
using Cradle.Core.Parameters;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Plausibility limits on evaluated inputs, checked for every alternative: a negative lifespan or count, a PUE
/// below 1, a utilisation above 1 are errors at the place they were written.
/// </summary>
internal static class RangeChecks
{
    private sealed record Rule(string Suffix, double Minimum, bool MinimumInclusive, double Maximum, string Expected);

    private static readonly Rule[] Rules =
    [
        new(".lifespan", 0, false, double.PositiveInfinity, "a positive lifespan"),
        new(".per_node", 1, true, double.PositiveInfinity, "at least one device per node"),
        new(".utilisation", 0, false, 1, "a utilisation in (0, 1]"),
        new(".mfu", 0, false, 1, "an MFU in (0, 1]"),
        new(".pue", 1, true, double.PositiveInfinity, "a PUE of at least 1 (facility energy ≥ IT energy)"),
        new(".wue", 0, true, double.PositiveInfinity, "a water use of at least 0"),
        new(".offsite_water", 0, true, double.PositiveInfinity, "a water use of at least 0"),
        new(".energy", 0, true, double.PositiveInfinity, "an energy of at least 0"),
        new(".energy_per_request", 0, true, double.PositiveInfinity, "an energy of at least 0"),
        new(".energy_per_token", 0, true, double.PositiveInfinity, "an energy of at least 0"),
        new(".average_power", 0, true, double.PositiveInfinity, "a power of at least 0"),
        new(".power", 0, true, double.PositiveInfinity, "a power of at least 0"),
        new(".device_time", 0, true, double.PositiveInfinity, "a device time of at least 0"),
        new(".device_time_per_request", 0, true, double.PositiveInfinity, "a device time of at least 0"),
        new(".lifetime_requests", 0, false, double.PositiveInfinity, "a positive number of requests"),
        new(".samples_per_request", 1, true, double.PositiveInfinity, "at least one sample per request"),
        new(".repeats", 0, true, double.PositiveInfinity, "a number of runs of at least 0"),
        new(".share", 0, true, double.PositiveInfinity, "a share of at least 0"),
        new(".output_tokens", 0, true, double.PositiveInfinity, "a token count of at least 0"),
        new(".reasoning_tokens", 0, true, double.PositiveInfinity, "a token count of at least 0"),
        new(".flops", 0, false, double.PositiveInfinity, "a positive number of operations"),
        new(".peak_compute", 0, false, double.PositiveInfinity, "a positive compute rate"),
    ];

    public static void Check(
        ParameterValues values, IReadOnlyDictionary<string, SourceLocation> locations, IReadOnlySet<string> userNames, string? alternative, ProblemList problems)
    {
        foreach (var parameter in values.Table.Parameters)
        {
            // Rules apply to the inputs named by their place in the study (sites.x.pue); user parameters are free-form,
            // even one whose name happens to end like a rule ("saving.energy" may be negative).
            var rule = userNames.Contains(parameter.Name) ? null : Rules.FirstOrDefault(r => parameter.Name.EndsWith(r.Suffix, StringComparison.Ordinal));
            if (rule is null)
            {
                continue;
            }
            // Limits are in base units: a utilisation of 50 % is 0.5, a PUE of 80 % is 0.8 (and refused).
            var value = values.BaseValue(parameter.Name);
            var belowMinimum = rule.MinimumInclusive ? value < rule.Minimum : value <= rule.Minimum;
            if (belowMinimum || value > rule.Maximum || !double.IsFinite(value))
            {
                var where = alternative is null ? "" : $" (in alternative '{alternative}')";
                problems.Error("out-of-range", locations.GetValueOrDefault(parameter.Name), parameter.Name,
                    string.Create(CultureInfo.InvariantCulture, $"expected {rule.Expected}, found {values.InOwnUnit(parameter.Name):G6} {parameter.Unit.Symbol}{where}."));
            }
        }
    }
}
