using Cradle.Core.Expressions;
using Cradle.Core.Units;

namespace Cradle.Core.Parameters;

/// <summary>
/// Turns parameter definitions into a <see cref="ParameterTable"/>: parses every expression once, rejects
/// duplicate and unknown names (with the closest valid ones), cycles (listing the cycle), and unit mismatches,
/// then orders the parameters so each is evaluated after everything it reads.
/// </summary>
public static class ParameterResolver
{
    /// <summary>Resolves <paramref name="definitions"/> or throws <see cref="ParameterException"/> listing every problem.</summary>
    public static ParameterTable Resolve(IEnumerable<ParameterDefinition> definitions)
    {
        var problems = new List<ParameterProblem>();
        var byName = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (!byName.TryAdd(definition.Name, definition))
            {
                problems.Add(new ParameterProblem("duplicate-parameter", definition.Name,
                    $"'{definition.Name}' is defined twice; give each parameter one definition."));
            }
        }

        var trees = ParseAll(byName.Values, problems);
        CheckReferences(byName, trees, problems);
        if (problems.Count > 0)
        {
            throw new ParameterException(problems);
        }

        var order = Order(byName, trees, problems);
        if (problems.Count > 0)
        {
            throw new ParameterException(problems);
        }

        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        var resolved = new List<ResolvedParameter>();
        var slots = order.Select((name, index) => (name, index)).ToDictionary(x => x.name, x => x.index, StringComparer.Ordinal);
        foreach (var name in order)
        {
            var definition = byName[name];
            if (!trees.TryGetValue(name, out var tree))
            {
                units[name] = definition.Value!.Value.Unit;
                resolved.Add(new ResolvedParameter(definition, slots[name], units[name], null));
                continue;
            }
            try
            {
                var dimension = DimensionInference.Infer(tree, n => units[n]);
                var unit = definition.DeclaredUnit ?? PreferredUnits.For(dimension);
                if (unit.Dimension != dimension)
                {
                    problems.Add(new ParameterProblem("unit-mismatch", name,
                        $"The expression '{definition.Expression}' gives {dimension.WithArticle()}, but the parameter is declared in {unit.Describe()}."));
                    units[name] = unit;
                    continue;
                }
                units[name] = unit;
                var formula = CompiledExpression.Compile(tree, n => slots[n], definition.Expression!);
                resolved.Add(new ResolvedParameter(definition, slots[name], unit, formula));
            }
            catch (ExpressionException e)
            {
                units[name] = definition.DeclaredUnit ?? Unit.One;
                problems.Add(new ParameterProblem(e.Code ?? "unit-mismatch", name, e.Message, e.Position));
            }
        }
        if (problems.Count > 0)
        {
            throw new ParameterException(problems);
        }
        return new ParameterTable(resolved);
    }

    private static Dictionary<string, ExpressionNode> ParseAll(IEnumerable<ParameterDefinition> definitions, List<ParameterProblem> problems)
    {
        var trees = new Dictionary<string, ExpressionNode>(StringComparer.Ordinal);
        foreach (var definition in definitions.Where(d => d.Expression is not null))
        {
            try
            {
                trees[definition.Name] = ExpressionParser.Parse(definition.Expression!);
            }
            catch (ExpressionException e)
            {
                problems.Add(new ParameterProblem(e.Code ?? "expression-syntax", definition.Name, e.Message, e.Position));
            }
        }
        return trees;
    }

    private static void CheckReferences(
        Dictionary<string, ParameterDefinition> byName, Dictionary<string, ExpressionNode> trees, List<ParameterProblem> problems)
    {
        foreach (var (name, tree) in trees)
        {
            foreach (var reference in ExpressionNames.References(tree))
            {
                if (!byName.ContainsKey(reference.Name))
                {
                    problems.Add(new ParameterProblem("unknown-parameter", name,
                        $"'{reference.Name}' is not a parameter{NameSuggestions.Hint(reference.Name, byName.Keys)}.",
                        reference.Position));
                }
            }
        }
    }

    /// <summary>
    /// Depth-first topological order; a back edge is a cycle, reported with its whole path. The search keeps its own
    /// stack, so a chain of thousands of parameters (p2 = p1 + 1, p3 = p2 + 1, …) cannot exhaust the call stack.
    /// </summary>
    private static List<string> Order(
        Dictionary<string, ParameterDefinition> byName, Dictionary<string, ExpressionNode> trees, List<ParameterProblem> problems)
    {
        var order = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        var path = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var work = new Stack<IEnumerator<string>>();

        foreach (var root in byName.Keys)
        {
            Visit(root);
            while (work.Count > 0)
            {
                var next = work.Peek();
                if (next.MoveNext())
                {
                    Visit(next.Current);
                    continue;
                }
                next.Dispose();
                work.Pop();
                var name = path[^1];
                path.RemoveAt(path.Count - 1);
                state[name] = true;
                order.Add(name);
            }
        }
        return order;

        // Opens a parameter: reports a cycle when it is on the path, skips it when done, else pushes its dependencies.
        void Visit(string name)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (!done)
                {
                    var cycle = path.Skip(path.IndexOf(name)).Append(name).ToList();
                    if (cycle.Any(reported.Add))
                    {
                        problems.Add(new ParameterProblem("parameter-cycle", name,
                            $"The parameters depend on each other in a cycle: {string.Join(" → ", cycle)}; break it by giving one of them a value."));
                    }
                }
                return;
            }
            state[name] = false;
            path.Add(name);
            var dependencies = trees.TryGetValue(name, out var tree)
                ? ExpressionNames.References(tree).Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList()
                : [];
            work.Push(dependencies.GetEnumerator());
        }
    }
}
