using Cradle.Core.Expressions;
using Cradle.Core.Parameters;

namespace Cradle.Core.Model;

/// <summary>
/// Validates and compiles processes into a <see cref="ProductSystem"/>. Every problem is collected and reported
/// at once: unknown products and flows (with the closest ids), products with no or two providers, and exchange
/// amounts whose units do not fit (an input of kWh to a process making requests must be an energy per request).
/// </summary>
public static class ProductSystemBuilder
{
    /// <summary>Builds the system or throws <see cref="ModelException"/>.</summary>
    public static ProductSystem Build(
        IEnumerable<Product> products, IEnumerable<ElementaryFlow> flows, IEnumerable<Process> processes, ParameterTable parameters)
    {
        var problems = new List<ModelProblem>();
        var productById = UniqueById(products, p => p.Id, "product", problems);
        var flowById = UniqueById(flows, f => f.Id, "flow", problems);
        var processList = processes.ToList();
        UniqueById(processList, p => p.Id, "process", problems);

        var providerOf = new Dictionary<string, Process>(StringComparer.Ordinal);
        foreach (var process in processList)
        {
            if (!productById.ContainsKey(process.ReferenceProductId))
            {
                problems.Add(new ModelProblem("unknown-product", process.Id,
                    $"its reference product '{process.ReferenceProductId}' is not a product{NameSuggestions.Hint(process.ReferenceProductId, productById.Keys)}."));
            }
            else if (!providerOf.TryAdd(process.ReferenceProductId, process))
            {
                problems.Add(new ModelProblem("duplicate-provider", process.ReferenceProductId,
                    $"both '{providerOf[process.ReferenceProductId].Id}' and '{process.Id}' provide it; each product needs exactly one provider."));
            }
        }
        foreach (var product in productById.Values.Where(p => !providerOf.ContainsKey(p.Id)))
        {
            problems.Add(new ModelProblem("no-provider", product.Id, "no process provides this product; add one or remove the product."));
        }
        if (problems.Count > 0)
        {
            throw new ModelException(problems);
        }

        // Process j provides product j: order products by their provider.
        var orderedProducts = processList.Select(p => productById[p.ReferenceProductId]).ToList();
        var productIndex = orderedProducts.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var flowList = flowById.Values.ToList();
        var flowIndex = flowList.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        var technosphere = new List<CompiledExchange>();
        var biosphere = new List<CompiledExchange>();
        for (var column = 0; column < processList.Count; column++)
        {
            var process = processList[column];
            var reference = orderedProducts[column];
            foreach (var input in process.Inputs)
            {
                if (!productById.TryGetValue(input.ProductId, out var product))
                {
                    problems.Add(new ModelProblem("unknown-product", process.Id,
                        $"input '{input.ProductId}' is not a product{NameSuggestions.Hint(input.ProductId, productById.Keys)}."));
                    continue;
                }
                var compiled = Compile(parameters, input.Amount, product.Unit.Dimension / reference.Unit.Dimension,
                    $"input of {product.Id} to {process.Id}, in {product.Unit.Symbol} per {reference.Unit.Symbol}", process.Id, problems);
                if (compiled is not null)
                {
                    technosphere.Add(new CompiledExchange(productIndex[product.Id], column, compiled,
                        reference.Unit.FactorToBase / product.Unit.FactorToBase));
                }
            }
            foreach (var exchange in process.Flows)
            {
                if (!flowById.TryGetValue(exchange.FlowId, out var flow))
                {
                    problems.Add(new ModelProblem("unknown-flow", process.Id,
                        $"flow '{exchange.FlowId}' is not an elementary flow{NameSuggestions.Hint(exchange.FlowId, flowById.Keys)}."));
                    continue;
                }
                var compiled = Compile(parameters, exchange.Amount, flow.Unit.Dimension / reference.Unit.Dimension,
                    $"flow {flow.Id} of {process.Id}, in {flow.Unit.Symbol} per {reference.Unit.Symbol}", process.Id, problems);
                if (compiled is not null)
                {
                    biosphere.Add(new CompiledExchange(flowIndex[flow.Id], column, compiled,
                        reference.Unit.FactorToBase / flow.Unit.FactorToBase));
                }
            }
        }
        if (problems.Count > 0)
        {
            throw new ModelException(problems);
        }
        return new ProductSystem(processList, orderedProducts, flowList, parameters, technosphere, biosphere);
    }

    private static CompiledExpression? Compile(
        ParameterTable parameters, string amount, Units.Dimension expected, string context, string subject, List<ModelProblem> problems)
    {
        try
        {
            return parameters.CompileExpression(amount, expected, context);
        }
        catch (ExpressionException e)
        {
            // Units that do not fit are "exchange-unit" (as documented on ModelProblem); syntax and unknown names
            // are "exchange-expression". Every message says which exchange it is about.
            var message = e.Message.StartsWith(context, StringComparison.Ordinal) ? e.Message : $"{context}: {e.Message}";
            problems.Add(new ModelProblem(e.Code ?? (e.IsUnitMismatch ? "exchange-unit" : "exchange-expression"), subject, message));
            return null;
        }
    }

    private static Dictionary<string, T> UniqueById<T>(IEnumerable<T> items, Func<T, string> id, string kind, List<ModelProblem> problems)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!map.TryAdd(id(item), item))
            {
                problems.Add(new ModelProblem("duplicate-id", id(item), $"two {kind}s have this id; ids must be unique."));
            }
        }
        return map;
    }
}
