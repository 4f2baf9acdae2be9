using System.Globalization;

namespace Cradle.Core.Units;

/// <summary>
/// An amount with its unit, e.g. 131 MWh. Arithmetic checks dimensions: adding 3 kWh to 2 kg throws
/// <see cref="UnitException"/> naming both units; multiplying W by h gives an energy.
/// </summary>
/// <param name="Value">The amount, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit the amount is written in.</param>
public readonly record struct Quantity(double Value, Unit Unit)
{
    /// <summary>The amount in the coherent base unit of its dimension (J, kg, s, m³, …).</summary>
    public double BaseValue => Unit.ToBase(Value);

    /// <summary>What the quantity measures.</summary>
    public Dimension Dimension => Unit.Dimension;

    /// <summary>The same quantity expressed in <paramref name="target"/>; throws if the dimensions differ.</summary>
    public Quantity ConvertTo(Unit target)
    {
        RequireSameDimension(target, "convert", this);
        return new Quantity(target.FromBase(BaseValue), target);
    }

    /// <summary>Sum, in the left operand's unit.</summary>
    public static Quantity operator +(Quantity left, Quantity right)
    {
        RequireSameDimension(left.Unit, "add", right);
        return new Quantity(left.Value + left.Unit.FromBase(right.BaseValue), left.Unit);
    }

    /// <summary>Difference, in the left operand's unit.</summary>
    public static Quantity operator -(Quantity left, Quantity right)
    {
        RequireSameDimension(left.Unit, "subtract", right);
        return new Quantity(left.Value - left.Unit.FromBase(right.BaseValue), left.Unit);
    }

    /// <summary>Product with a compound unit, e.g. 700 W × 2 h = 1400 W·h.</summary>
    public static Quantity operator *(Quantity left, Quantity right) => new(left.Value * right.Value, left.Unit * right.Unit);

    /// <summary>Quotient with a compound unit.</summary>
    public static Quantity operator /(Quantity left, Quantity right) => new(left.Value / right.Value, left.Unit / right.Unit);

    /// <summary>Scales the amount.</summary>
    public static Quantity operator *(double factor, Quantity quantity) => quantity with { Value = factor * quantity.Value };

    /// <summary>Reads "131 MWh", "0.332 kg CO2e/kWh" or "1.2" (dimensionless) in the invariant culture.</summary>
    public static Quantity Parse(string text) =>
        TryParse(text, out var quantity, out var error) ? quantity : throw new UnitException(error!);

    /// <summary>Reads a number followed by an optional unit; false with an explanation when it is not one.</summary>
    public static bool TryParse(string text, out Quantity quantity, out string? error)
    {
        quantity = default;
        var trimmed = text.Trim();
        var split = NumberPrefixLength(trimmed);
        if (split == 0 || !double.TryParse(trimmed[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            error = $"'{text}' does not start with a number";
            return false;
        }
        var unitText = trimmed[split..].Trim();
        if (unitText.Length == 0)
        {
            quantity = new Quantity(value, Unit.One);
            error = null;
            return true;
        }
        var unit = UnitParser.TryParse(unitText, out error);
        if (unit is null)
        {
            return false;
        }
        quantity = new Quantity(value, unit);
        return true;
    }

    /// <summary>Length of the leading number, e.g. 4 in "1e-3 kWh" (exponent included).</summary>
    private static int NumberPrefixLength(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }
        var digits = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
            digits++;
        }
        if (digits == 0)
        {
            return 0;
        }
        // An exponent only when 'e' is followed by digits: "5 exajoule" is not 5e...
        if (i + 1 < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
            {
                j++;
            }
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                while (j < text.Length && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    private static void RequireSameDimension(Unit expected, string verb, Quantity other)
    {
        if (expected.Dimension != other.Unit.Dimension)
        {
            throw new UnitException(
                $"Cannot {verb} {other.Unit.Describe()} and {expected.Describe()}: they measure different things.");
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        Unit == Unit.One ? InvariantNumber.Format(Value) : $"{InvariantNumber.Format(Value)} {Unit.Symbol}";
}
