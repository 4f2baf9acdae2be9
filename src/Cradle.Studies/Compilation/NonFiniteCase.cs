using Cradle.Core;
using Cradle.Core.Expressions;
using Cradle.Core.Model;
using Cradle.Core.Parameters;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Finds, in a set of cases (the study's values, or a block of Monte Carlo draws), the first parameter or model
/// amount that is not a finite number, and says it in the study's terms: the parameter as written in the study, its
/// place, and the drawn inputs behind it, never the compiler's generated processes and amounts.
/// </summary>
internal sealed class NonFiniteCase
{
    private readonly ProductSystem _system;
    private readonly IReadOnlyDictionary<string, SourceLocation> _locations;
    private readonly string? _alternative;
    private readonly Func<string, string> _field;
    private readonly List<(CompiledExpression Amount, double ToMatrixUnits)> _amounts;

    /// <param name="system">The compiled system, whose processes' amounts are checked.</param>
    /// <param name="locations">Where each parameter was written (an alternative's override where it has one).</param>
    /// <param name="alternative">The alternative the cases belong to, or null for the study as written.</param>
    /// <param name="field">The field path the user wrote for a parameter name, for the problem's field.</param>
    public NonFiniteCase(ProductSystem system, IReadOnlyDictionary<string, SourceLocation> locations, string? alternative, Func<string, string> field)
    {
        _system = system;
        _locations = locations;
        _alternative = alternative;
        _field = field;
        // As the engine checks them: the amount times its unit factor (1e306 m3/Wh is finite, in L/kWh it is not).
        _amounts = system.MatrixAmounts()
            .Where(a => a.Amount.Slots.Count > 0)
            .DistinctBy(a => (a.Amount.Text, a.ToMatrixUnits))
            .ToList();
    }

    /// <summary>
    /// The first of <paramref name="count"/> cases in <paramref name="slots"/> (one column per parameter slot, every
    /// slot filled) where a parameter or an amount is not finite, as a problem; null when every case is finite.
    /// <paramref name="drawn"/> marks the slots drawn at random (null for the study's own values).
    /// </summary>
    public InputProblem? Find(double[][] slots, int count, bool[]? drawn)
    {
        var table = _system.Parameters;
        for (var i = 0; i < count; i++)
        {
            foreach (var parameter in table.Parameters)
            {
                if (!double.IsFinite(slots[parameter.Slot][i]))
                {
                    return ForParameter(parameter, slots, i, drawn);
                }
            }
        }
        var row = new double[table.Count];
        for (var i = 0; i < count; i++)
        {
            for (var s = 0; s < row.Length; s++)
            {
                row[s] = slots[s][i];
            }
            foreach (var (amount, toMatrixUnits) in _amounts)
            {
                if (!double.IsFinite(amount.Evaluate(row) * toMatrixUnits))
                {
                    return ForAmount(amount, row, drawn);
                }
            }
        }
        return null;
    }

    /// <summary>The study's values as one case, for <see cref="Find"/>.</summary>
    public static double[][] Columns(ParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var columns = new double[values.Slots.Length][];
        for (var s = 0; s < columns.Length; s++)
        {
            columns[s] = [values.Slots[s]];
        }
        return columns;
    }

    private InputProblem ForParameter(ResolvedParameter parameter, double[][] slots, int i, bool[]? drawn)
    {
        var value = InvariantNumber.Format(slots[parameter.Slot][i]);
        if (drawn is not null && drawn[parameter.Slot])
        {
            return Problem("sample-not-finite", parameter.Name,
                $"a Monte Carlo draw of {parameter.Name} is {value}: its uncertainty reaches beyond the numbers a computer can hold; narrow it (a smaller 'gsd', finite bounds).");
        }
        var behind = Describe(Inputs(parameter.Formula?.Slots ?? [], drawn), slots, i);
        var code = drawn is null ? "not-finite" : "sample-not-finite";
        var when = drawn is null ? "" : " in a Monte Carlo draw";
        var hint = double.IsNaN(slots[parameter.Slot][i])
            ? "check for the log or square root of a negative value, or 0 ÷ 0"
            : "check for an overflow (a product, power or exp() of large values) or a division by zero";
        return Problem(code, parameter.Name,
            $"{parameter.Name} = {parameter.Definition.Expression} is {value}{when}{(behind.Length == 0 ? "" : $" where {behind}")}; {hint}.");
    }

    private InputProblem ForAmount(CompiledExpression amount, double[] row, bool[]? drawn)
    {
        var table = _system.Parameters;
        var named = amount.Slots.Select(s => table.Parameters[s]).ToList();
        // The largest input is the one to look at first: 1e308 samples per request, not the 0.002 kWh they multiply.
        var blamed = named.OrderByDescending(p => Magnitude(row[p.Slot])).First();
        var factors = string.Join(" and ", named.Select(p => $"{p.Name} = {ValueText(p, row[p.Slot])}")) + (named.Count == 1 ? " gives" : " together give");
        var drawnBehind = drawn is null ? "" : Describe(Inputs(amount.Slots, drawn), [.. row.Select(v => new[] { v })], 0);
        return drawn is null
            ? Problem("not-finite", blamed.Name,
                $"{factors} an amount of the model beyond the largest number a computer can hold (about 1.8e308); {blamed.Name} is implausibly large.")
            : Problem("sample-not-finite", blamed.Name,
                $"in a Monte Carlo draw, {factors} an amount of the model beyond the largest number a computer can hold (about 1.8e308){(drawnBehind.Length == 0 ? "" : $", where {drawnBehind}")}; narrow the uncertainty of the inputs drawn.");
    }

    private InputProblem Problem(string code, string parameter, string message)
    {
        var prefix = _alternative is null ? "" : $"alternative '{Printable.Escape(_alternative)}': ";
        return new InputProblem(code, Severity.Error, _locations.GetValueOrDefault(parameter), _field(parameter), prefix + message);
    }

    /// <summary>The drawn slots that <paramref name="direct"/> depend on, directly or through expressions.</summary>
    private List<int> Inputs(IEnumerable<int> direct, bool[]? drawn)
    {
        if (drawn is null)
        {
            return [];
        }
        var seen = new HashSet<int>();
        var pending = new Stack<int>(direct);
        while (pending.TryPop(out var slot))
        {
            if (!seen.Add(slot))
            {
                continue;
            }
            var formula = _system.Parameters.Parameters[slot].Formula;
            if (!drawn[slot] && formula is not null)
            {
                foreach (var s in formula.Slots)
                {
                    pending.Push(s);
                }
            }
        }
        return [.. seen.Where(s => drawn[s]).Order()];
    }

    /// <summary>"x = 812.3 (line 45), y = 2 kWh (line 50)".</summary>
    private string Describe(IEnumerable<int> drawnSlots, double[][] slots, int i) =>
        string.Join(", ", drawnSlots.Select(s =>
        {
            var p = _system.Parameters.Parameters[s];
            var line = _locations.GetValueOrDefault(p.Name) is { } at ? $" (line {at.Line})" : "";
            return $"{p.Name} = {ValueText(p, slots[s][i])}{line}";
        }));

    private static string ValueText(ResolvedParameter parameter, double baseValue)
    {
        var number = InvariantNumber.Format(parameter.Unit.FromBase(baseValue));
        return parameter.Unit.Symbol == "1" ? number : $"{number} {parameter.Unit.Symbol}";
    }

    /// <summary>How far from 1 a value is, in orders of magnitude (0 for 0, which cannot cause an overflow).</summary>
    private static double Magnitude(double value) =>
        !double.IsFinite(value) ? double.PositiveInfinity : value == 0 ? 0 : Math.Abs(Math.Log10(Math.Abs(value)));
}
