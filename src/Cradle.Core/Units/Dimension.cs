using System.Globalization;
using System.Text;

namespace Cradle.Core.Units;

/// <summary>
/// A physical dimension as integer exponents of the <see cref="BaseDimension"/>s, e.g. energy = mass·length²·time⁻².
/// Immutable; equality is by exponents.
/// </summary>
public readonly struct Dimension : IEquatable<Dimension>
{
    private static readonly int Count = Enum.GetValues<BaseDimension>().Length;
    private static readonly string[] Symbols =
        ["M", "L", "T", "request", "token", "FLOP", "CO2eq", "SO2eq", "Neq", "O3eq", "CFC11eq", "PM2.5eq", "Sbeq", "image"];

    private readonly sbyte[]? _exponents;

    private Dimension(sbyte[] exponents) => _exponents = exponents;

    /// <summary>The dimension of pure numbers (ratios, counts of devices, PUE).</summary>
    public static Dimension None { get; } = new(new sbyte[Count]);

    /// <summary>Mass.</summary>
    public static Dimension Mass { get; } = Of(BaseDimension.Mass);
    /// <summary>Length.</summary>
    public static Dimension Length { get; } = Of(BaseDimension.Length);
    /// <summary>Time.</summary>
    public static Dimension Time { get; } = Of(BaseDimension.Time);
    /// <summary>Volume (length³).</summary>
    public static Dimension Volume { get; } = Length.Pow(3);
    /// <summary>Energy (mass·length²·time⁻²).</summary>
    public static Dimension Energy { get; } = Mass * Length.Pow(2) / Time.Pow(2);
    /// <summary>Power (energy per time).</summary>
    public static Dimension Power { get; } = Energy / Time;

    /// <summary>The dimension with exponent 1 for <paramref name="baseDimension"/> and 0 elsewhere.</summary>
    public static Dimension Of(BaseDimension baseDimension)
    {
        var exponents = new sbyte[Count];
        exponents[(int)baseDimension] = 1;
        return new Dimension(exponents);
    }

    /// <summary>The exponent of one base dimension.</summary>
    public int this[BaseDimension baseDimension] => Exponents[(int)baseDimension];

    /// <summary>True for pure numbers.</summary>
    public bool IsDimensionless => Exponents.All(e => e == 0);

    private sbyte[] Exponents => _exponents ?? None._exponents!;

    /// <summary>Product of two dimensions (exponents add).</summary>
    public static Dimension operator *(Dimension left, Dimension right) => Combine(left, right, 1);

    /// <summary>Quotient of two dimensions (exponents subtract).</summary>
    public static Dimension operator /(Dimension left, Dimension right) => Combine(left, right, -1);

    /// <summary>Raises the dimension to an integer power.</summary>
    public Dimension Pow(int power)
    {
        var result = new sbyte[Count];
        for (var i = 0; i < Count; i++)
        {
            result[i] = checked((sbyte)(Exponents[i] * power));
        }
        return new Dimension(result);
    }

    /// <summary>The square root, or null when an exponent is odd (√kWh has no meaning).</summary>
    public Dimension? Sqrt()
    {
        var result = new sbyte[Count];
        for (var i = 0; i < Count; i++)
        {
            if (Exponents[i] % 2 != 0)
            {
                return null;
            }
            result[i] = (sbyte)(Exponents[i] / 2);
        }
        return new Dimension(result);
    }

    private static Dimension Combine(Dimension left, Dimension right, int sign)
    {
        var result = new sbyte[Count];
        for (var i = 0; i < Count; i++)
        {
            result[i] = checked((sbyte)(left.Exponents[i] + (sign * right.Exponents[i])));
        }
        return new Dimension(result);
    }

    /// <inheritdoc />
    public bool Equals(Dimension other) => Exponents.AsSpan().SequenceEqual(other.Exponents);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Dimension other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var e in Exponents)
        {
            hash.Add(e);
        }
        return hash.ToHashCode();
    }

    /// <summary>Equality by exponents.</summary>
    public static bool operator ==(Dimension left, Dimension right) => left.Equals(right);

    /// <summary>Inequality by exponents.</summary>
    public static bool operator !=(Dimension left, Dimension right) => !left.Equals(right);

    /// <summary>The readable name with its indefinite article: "an energy", "a power", "a M·L^2".</summary>
    public string WithArticle()
    {
        var name = ToString();
        return ("aeiou".Contains(char.ToLowerInvariant(name[0]), StringComparison.Ordinal) ? "an " : "a ") + name;
    }

    /// <summary>A readable name: "energy", "power", or the exponents, e.g. "M·L^2·T^-2·request^-1".</summary>
    public override string ToString()
    {
        var known = DimensionNames.NameOf(this);
        if (known is not null)
        {
            return known;
        }
        var text = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            if (Exponents[i] == 0)
            {
                continue;
            }
            if (text.Length > 0)
            {
                text.Append('·');
            }
            text.Append(Symbols[i]);
            if (Exponents[i] != 1)
            {
                text.Append('^').Append(Exponents[i].ToString(CultureInfo.InvariantCulture));
            }
        }
        return text.ToString();
    }
}
