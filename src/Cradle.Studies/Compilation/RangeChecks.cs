using Cradle.Core;
using Cradle.Core.Parameters;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Plausibility limits on evaluated inputs, checked for the study as written and for every alternative, after the
/// alternative's overrides and on values computed from expressions: a negative lifespan or count, a PUE below 1, a
/// utilisation above 1 are errors. An error caused by an alternative names it and is located at the override to
/// change; any other at the place the value was written.
/// </summary>
internal static class RangeChecks
{
    /// <summary>A limit on the inputs whose generated name ends with <paramref name="Suffix"/>, in base units.</summary>
    internal sealed record Rule(string Suffix, double Minimum, bool MinimumInclusive, double Maximum, string Expected)
    {
        /// <summary>Why <paramref name="value"/> breaks the rule, or null when it holds.</summary>
        public string? Violation(double value)
        {
            if (!double.IsFinite(value))
            {
                return "is not a finite number";
            }
            if (MinimumInclusive ? value < Minimum : value <= Minimum)
            {
                return MinimumInclusive ? $"is below {InvariantNumber.Format(Minimum)}"
                    : Minimum == 0 ? "is not positive" : $"is not above {InvariantNumber.Format(Minimum)}";
            }
            return value > Maximum ? $"is above {InvariantNumber.Format(Maximum)}" : null;
        }
    }

    /// <summary>Every rule; tests iterate over them so that a new rule is checked for alternatives too.</summary>
    internal static IReadOnlyList<Rule> Rules { get; } =
    [
        new(".lifespan", 0, false, double.PositiveInfinity, "a positive lifespan"),
        new(".per_node", 1, true, double.PositiveInfinity, "at least one device per node"),
        new(".utilisation", 0, false, 1, "a utilisation in (0, 1]"),
        new(".mfu", 0, false, 1, "an MFU in (0, 1]"),
        new(".occupancy", 0, false, 1, "an occupancy in (0, 1]"),
        new(".pue", 1, true, double.PositiveInfinity, "a PUE of at least 1 (facility energy ≥ IT energy)"),
        new(".wue", 0, true, double.PositiveInfinity, "a water use of at least 0"),
        new(".offsite_water", 0, true, double.PositiveInfinity, "a water use of at least 0"),
        // Contracts can at best claim zero-emission electricity: a negative factor would be an offset, which Scope 2 excludes.
        new(".market_based.gwp100", 0, true, double.PositiveInfinity, "a carbon factor of at least 0"),
        new(".market_based.gwp20", 0, true, double.PositiveInfinity, "a carbon factor of at least 0"),
        new(".residual_mix.gwp100", 0, true, double.PositiveInfinity, "a carbon factor of at least 0"),
        new(".residual_mix.gwp20", 0, true, double.PositiveInfinity, "a carbon factor of at least 0"),
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
        new(".requests", 0, true, double.PositiveInfinity, "a number of requests of at least 0"),
        new(".years", 0, false, double.PositiveInfinity, "a positive time of service"),
        new(".output_tokens", 0, true, double.PositiveInfinity, "a token count of at least 0"),
        new(".reasoning_tokens", 0, true, double.PositiveInfinity, "a token count of at least 0"),
        new(".input_tokens", 0, true, double.PositiveInfinity, "a token count of at least 0"),
        new(".energy_per_input_token", 0, true, double.PositiveInfinity, "an energy of at least 0"),
        new(".refinement_rounds", 0, true, double.PositiveInfinity, "a number of refinement rounds of at least 0"),
        new(".calls_per_request", 0, true, double.PositiveInfinity, "a number of calls of at least 0"),
        new(".energy_per_call", 0, true, double.PositiveInfinity, "an energy of at least 0"),
        new(".device_time_per_call", 0, true, double.PositiveInfinity, "a device time of at least 0"),
        new(".tokens_per_output_token", 0, true, double.PositiveInfinity, "a number of draft tokens of at least 0"),
        new(".flops", 0, false, double.PositiveInfinity, "a positive number of operations"),
        new(".peak_compute", 0, false, double.PositiveInfinity, "a positive compute rate"),
        new(".idle_power", 0, true, double.PositiveInfinity, "an idle power of at least 0"),
        new(".latency", 0, false, double.PositiveInfinity, "a positive latency"),
        new(".batch_size", 1, true, double.PositiveInfinity, "a batch of at least one request"),
        new(".devices_per_replica", 1, true, double.PositiveInfinity, "at least one device per replica"),
    ];

    /// <summary>The rule for a generated input called <paramref name="name"/>, or null.</summary>
    internal static Rule? For(string name) => Rules.FirstOrDefault(r => name.EndsWith(r.Suffix, StringComparison.Ordinal));

    public static void Check(ParameterValues values, ParameterCollector parameters, string? alternative, ProblemList problems)
    {
        var cause = OverrideBehind(values.Table, parameters.Overrides);
        foreach (var parameter in values.Table.Parameters)
        {
            var value = values.BaseValue(parameter.Name);
            if (!double.IsFinite(value) && FromNonFinite(parameter, values))
            {
                // A value computed from one already reported adds nothing: the error is where it starts.
                continue;
            }
            // Rules apply to the inputs named by their place in the study (sites.x.pue); user parameters are free-form,
            // even one whose name happens to end like a rule ("saving.energy" may be negative), but never infinite.
            var rule = parameters.UserNames.Contains(parameter.Name) ? null : For(parameter.Name);
            var violation = rule?.Violation(value) ?? (double.IsFinite(value) ? null
                : "is not a finite number; check for an overflow (a product, power or exp() of large values) or a division by zero");
            if (violation is null)
            {
                continue;
            }
            var overridden = alternative is null ? null : cause[parameter.Slot];
            var prefix = overridden is null ? "" : $"alternative '{Printable.Escape(alternative!)}': ";
            var expected = rule is null ? "" : $"; expected {rule.Expected}";
            problems.Error("out-of-range", overridden ?? parameters.Locations.GetValueOrDefault(parameter.Name), parameters.FieldOf(parameter.Name),
                $"{prefix}{parameter.Name} = {WithUnit(values, parameter)} {violation}{expected}.");
        }
    }

    /// <summary>The value in the unit it is shown in ("0.5", "-4 year", "80 %").</summary>
    internal static string WithUnit(ParameterValues values, ResolvedParameter parameter)
    {
        var value = values.InOwnUnit(parameter.Name);
        var number = InvariantNumber.Format(value);
        // "infinity", "not a number": a unit after them reads as a quantity ("not a number kg CO2 eq/kWh").
        return parameter.Unit.Dimension.IsDimensionless && parameter.Unit.FactorToBase == 1 || !double.IsFinite(value) ? number : $"{number} {parameter.Unit.Symbol}";
    }

    private static bool FromNonFinite(ResolvedParameter parameter, ParameterValues values) =>
        parameter.Formula is not null && parameter.Formula.Slots.Any(s => !double.IsFinite(values.Slots[s]));

    /// <summary>
    /// Per slot: where the alternative overrode it, or else an override it is computed from (the first in evaluation
    /// order), or null when the alternative does not reach it.
    /// </summary>
    private static SourceLocation?[] OverrideBehind(ParameterTable table, IReadOnlyDictionary<string, SourceLocation> overrides)
    {
        var cause = new SourceLocation?[table.Count];
        foreach (var parameter in table.Parameters)
        {
            cause[parameter.Slot] = overrides.GetValueOrDefault(parameter.Name)
                ?? parameter.Formula?.Slots.Select(s => cause[s]).FirstOrDefault(c => c is not null);
        }
        return cause;
    }
}
