using Cradle.Core.Expressions;
using Cradle.Core.Units;

namespace Cradle.Core.Parameters;

/// <summary>
/// Resolved parameters in evaluation order: each one's slot, unit and compiled formula. Evaluating the table
/// yields one value per slot in base units; expressions of the product system are compiled against the same slots.
/// </summary>
public sealed class ParameterTable
{
    private readonly ResolvedParameter[] _parameters;
    private readonly Dictionary<string, ResolvedParameter> _byName;

    internal ParameterTable(IReadOnlyList<ResolvedParameter> parameters)
    {
        _parameters = [.. parameters];
        _byName = _parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>An empty table, for systems whose amounts are all constants.</summary>
    public static ParameterTable Empty { get; } = new([]);

    /// <summary>The parameters in evaluation order (slot order).</summary>
    public IReadOnlyList<ResolvedParameter> Parameters => _parameters;

    /// <summary>The number of slots.</summary>
    public int Count => _parameters.Length;

    /// <summary>The parameter called <paramref name="name"/>, or null.</summary>
    public ResolvedParameter? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The names, for suggestions.</summary>
    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>Evaluates every parameter, in order, with optional overrides (base-unit values by name).</summary>
    public ParameterValues Evaluate(IReadOnlyDictionary<string, double>? overridesInBaseUnits = null)
    {
        var unknown = overridesInBaseUnits?.Keys.Where(name => !_byName.ContainsKey(name)).ToList() ?? [];
        if (unknown.Count > 0)
        {
            // A misspelt override would otherwise change nothing, silently.
            throw new ParameterException(unknown
                .Select(name => new ParameterProblem("unknown-parameter", name, $"cannot override '{name}': it is not a parameter{NameSuggestions.Hint(name, _byName.Keys)}."))
                .ToList());
        }
        var values = new double[_parameters.Length];
        foreach (var parameter in _parameters)
        {
            if (overridesInBaseUnits is not null && overridesInBaseUnits.TryGetValue(parameter.Name, out var overridden))
            {
                values[parameter.Slot] = overridden;
            }
            else
            {
                values[parameter.Slot] = parameter.Formula is null
                    ? parameter.Definition.Value!.Value.BaseValue
                    : parameter.Formula.Evaluate(values);
            }
        }
        return new ParameterValues(this, values);
    }

    /// <summary>
    /// Compiles an expression over this table's parameters (an exchange amount, say) and checks it has
    /// <paramref name="expectedDimension"/>. Throws <see cref="ExpressionException"/> for syntax, unknown names
    /// (with suggestions) or a dimension mismatch; <paramref name="context"/> says where the expression is used.
    /// </summary>
    public CompiledExpression CompileExpression(string text, Dimension expectedDimension, string context)
    {
        var tree = ExpressionParser.Parse(text);
        foreach (var reference in ExpressionNames.References(tree))
        {
            if (!_byName.ContainsKey(reference.Name))
            {
                throw new ExpressionException(
                    $"{context}: '{reference.Name}' is not a parameter{NameSuggestions.Hint(reference.Name, _byName.Keys)}.", reference.Position);
            }
        }
        var dimension = DimensionInference.Infer(tree, n => _byName[n].Unit);
        if (dimension != expectedDimension)
        {
            throw new ExpressionException(
                $"{context}: '{text}' gives {dimension.WithArticle()}, but {expectedDimension.WithArticle()} ({PreferredUnits.For(expectedDimension).Symbol}) is needed.", 0)
            {
                IsUnitMismatch = true,
            };
        }
        return CompiledExpression.Compile(tree, n => _byName[n].Slot, text);
    }
}
