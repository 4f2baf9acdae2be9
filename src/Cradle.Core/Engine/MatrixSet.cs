using Cradle.Core.Model;
using Cradle.Core.Parameters;

namespace Cradle.Core.Engine;

/// <summary>
/// The numeric matrices of a product system for one set of parameter values, each in the products' and flows'
/// reference units: the technosphere inputs (A = I − <see cref="Inputs"/>, since every process makes one unit of
/// its own product) and the biosphere B.
/// </summary>
/// <param name="Inputs">Product i consumed by process j per unit of j's product.</param>
/// <param name="Biosphere">Flow f exchanged by process j per unit of j's product.</param>
public sealed record MatrixSet(SparseColumns Inputs, SparseColumns Biosphere)
{
    /// <summary>Evaluates every compiled exchange of <paramref name="system"/> with <paramref name="values"/>.</summary>
    public static MatrixSet Evaluate(ProductSystem system, ParameterValues values)
    {
        var n = system.Processes.Count;
        var inputs = new SparseColumns(n, n);
        foreach (var exchange in system.Technosphere)
        {
            inputs.Add(exchange.Row, exchange.Column, Checked(exchange, values, system));
        }
        var biosphere = new SparseColumns(system.Flows.Count, n);
        foreach (var exchange in system.Biosphere)
        {
            biosphere.Add(exchange.Row, exchange.Column, Checked(exchange, values, system));
        }
        return new MatrixSet(inputs, biosphere);
    }

    private static double Checked(CompiledExchange exchange, ParameterValues values, ProductSystem system)
    {
        var value = exchange.Amount.Evaluate(values.Slots) * exchange.ToMatrixUnits;
        if (!double.IsFinite(value))
        {
            throw new EngineException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The amount '{exchange.Amount.Text}' in process '{system.Processes[exchange.Column].Id}' evaluates to {InvariantNumber.Format(value)}; check for a division by zero."));
        }
        return value;
    }
}
