using Cradle.Core.Units;

namespace Cradle.Core.Parameters;

/// <summary>
/// A named input of a product system: either a value with a unit (131 MWh) or an expression over other
/// parameters ("gpu_energy * pue"), optionally with a declared unit the expression must have.
/// </summary>
public sealed record ParameterDefinition
{
    private ParameterDefinition(string name, Quantity? value, string? expression, Unit? unit, Provenance provenance)
    {
        Name = name;
        Value = value;
        Expression = expression;
        DeclaredUnit = unit;
        Provenance = provenance;
    }

    /// <summary>The name expressions use (letters, digits, '_' and '.').</summary>
    public string Name { get; }

    /// <summary>The value, for a value parameter; null for an expression parameter.</summary>
    public Quantity? Value { get; }

    /// <summary>The expression text, for an expression parameter; null for a value parameter.</summary>
    public string? Expression { get; }

    /// <summary>The unit the parameter is shown in, and that an expression must be convertible to; null to infer it.</summary>
    public Unit? DeclaredUnit { get; }

    /// <summary>How the value was obtained.</summary>
    public Provenance Provenance { get; }

    /// <summary>A short human description, e.g. "GPU energy of the final training run".</summary>
    public string? Description { get; init; }

    /// <summary>
    /// How uncertain a value parameter is, in base units around its value; null for a fixed value. Expression parameters
    /// have none of their own: they inherit the uncertainty of what they are computed from.
    /// </summary>
    public Uncertainty.Distribution? Uncertainty { get; init; }

    /// <summary>A value parameter.</summary>
    public static ParameterDefinition FromValue(string name, Quantity value, Provenance provenance)
    {
        RequireName(name);
        if (!double.IsFinite(value.Value))
        {
            throw new ArgumentException($"Parameter '{name}' must have a finite value, not {InvariantNumber.Format(value.Value)}.", nameof(value));
        }
        return new ParameterDefinition(name, value, null, value.Unit, provenance);
    }

    /// <summary>An expression parameter; <paramref name="unit"/> (optional) is the unit its result must have.</summary>
    public static ParameterDefinition FromExpression(string name, string expression, Unit? unit, Provenance provenance)
    {
        RequireName(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        return new ParameterDefinition(name, null, expression, unit, provenance);
    }

    /// <summary>Whether <paramref name="name"/> can be written in an expression.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.');

    private static void RequireName(string name)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid parameter name: use letters, digits, '_' and '.', starting with a letter.", nameof(name));
        }
    }
}
