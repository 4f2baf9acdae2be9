namespace Cradle.Core.Parameters;

/// <summary>One evaluated value per parameter slot, in base units, with the table that gives them meaning.</summary>
public sealed class ParameterValues
{
    private readonly double[] _values;

    internal ParameterValues(ParameterTable table, double[] values)
    {
        Table = table;
        _values = values;
    }

    /// <summary>The table the slots belong to.</summary>
    public ParameterTable Table { get; }

    /// <summary>The values by slot, in base units.</summary>
    public ReadOnlySpan<double> Slots => _values;

    /// <summary>The value of <paramref name="name"/> in base units.</summary>
    public double BaseValue(string name) =>
        _values[(Table.Find(name) ?? throw new KeyNotFoundException($"No parameter '{name}'.")).Slot];

    /// <summary>The value of <paramref name="name"/> in its own (declared or preferred) unit.</summary>
    public double InOwnUnit(string name)
    {
        var parameter = Table.Find(name) ?? throw new KeyNotFoundException($"No parameter '{name}'.");
        return parameter.Unit.FromBase(_values[parameter.Slot]);
    }
}
