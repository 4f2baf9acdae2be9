using System.Globalization;

namespace Cradle.Core.Units;

/// <summary>
/// A unit of measurement: its symbol as written, its <see cref="Dimension"/>, and the exact factor that converts
/// one of it to the coherent base unit of that dimension (kg, m, s, J, request, token, FLOP, kg X eq).
/// </summary>
/// <param name="Symbol">The symbol as shown to people, e.g. "kWh" or "g CO2 eq/kWh".</param>
/// <param name="Dimension">What the unit measures.</param>
/// <param name="FactorToBase">Base units in one of this unit, e.g. 3.6e6 for kWh (J). Always positive.</param>
public sealed record Unit(string Symbol, Dimension Dimension, double FactorToBase)
{
    /// <summary>The unit of pure numbers.</summary>
    public static Unit One { get; } = new("1", Dimension.None, 1);

    /// <summary>Converts an amount in this unit to the base unit.</summary>
    public double ToBase(double amount) => amount * FactorToBase;

    /// <summary>Converts an amount in the base unit to this unit.</summary>
    public double FromBase(double amountInBase) => amountInBase / FactorToBase;

    /// <summary>Product unit, e.g. W × h.</summary>
    public static Unit operator *(Unit left, Unit right) =>
        new($"{left.Symbol}·{right.Symbol}", left.Dimension * right.Dimension, left.FactorToBase * right.FactorToBase);

    /// <summary>Quotient unit, e.g. kg CO2 eq / kWh.</summary>
    public static Unit operator /(Unit left, Unit right) =>
        new($"{left.Symbol}/{right.Symbol}", left.Dimension / right.Dimension, left.FactorToBase / right.FactorToBase);

    /// <summary>Whether amounts in this unit can be converted to <paramref name="other"/>.</summary>
    public bool IsCompatibleWith(Unit other) => Dimension == other.Dimension;

    /// <summary>"kWh (energy)": the symbol and what it measures, for messages.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Symbol} ({Dimension})");

    /// <inheritdoc />
    public override string ToString() => Symbol;
}
