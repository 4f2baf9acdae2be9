using System.Globalization;
using Cradle.Core.Engine;
using Cradle.Interchange.Reading;

namespace Cradle.Interchange.Background;

/// <summary>The life cycle inventory of a product system of a background database: how much of each process runs, and the elementary flows.</summary>
/// <param name="System">The product system solved.</param>
/// <param name="ProcessScaling">Each process's scaling factor: how many times its data set (as given, per its stated output) runs.</param>
/// <param name="Flows">Elementary flow id → net amount in the flow's reference unit: outputs to nature positive, inputs from nature (resources) negative.</param>
public sealed record BackgroundInventory(
    BackgroundProductSystem System, IReadOnlyDictionary<string, double> ProcessScaling, IReadOnlyDictionary<string, double> Flows)
{
    /// <summary>The target amount in the reference unit of the reference product's flow (what the flows are for).</summary>
    public double TargetReferenceAmount { get; init; } = double.NaN;
}

/// <summary>
/// Builds the technosphere and biosphere matrices of a product system as its links define them and solves A s = f with
/// Cradle.Core's engine (<see cref="ScalingSolver"/>). Each process of the system makes one product: the reference
/// process its reference exchange, every provider the flow its links name (so a process without a quantitative reference,
/// like the beef set's alfalfa hay, is scaled by the output its link names). An input the system does not link is a
/// cut-off and contributes nothing, as in openLCA.
/// </summary>
public static class BackgroundInventorySolver
{
    /// <summary>Solves <paramref name="system"/> of <paramref name="database"/> for its target amount.</summary>
    /// <exception cref="OpenLcaPackageException">The system cannot be solved as given (a provider of two products, an amount not in reference units, …).</exception>
    public static BackgroundInventory Solve(BackgroundDatabase database, BackgroundProductSystem system)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(system);
        var file = $"product_systems/{system.Id}.json";
        var reference = Process(database, system.ReferenceProcessId, file, "referenceProcess");
        var referenceExchange = reference.Exchanges.FirstOrDefault(e => e.InternalId == system.ReferenceExchangeInternalId)
            ?? throw new OpenLcaPackageException(file, "referenceExchange", $"process '{reference.Name}' has no exchange {system.ReferenceExchangeInternalId.ToString(CultureInfo.InvariantCulture)}.");

        // Columns: the reference process, then every provider, each with the one product flow it provides here.
        var productOf = new Dictionary<string, string>(StringComparer.Ordinal) { [reference.Id] = referenceExchange.FlowId };
        var order = new List<string> { reference.Id };
        foreach (var link in system.Links)
        {
            if (productOf.TryGetValue(link.ProviderId, out var flow))
            {
                if (flow != link.FlowId)
                {
                    throw new OpenLcaPackageException(file, "processLinks",
                        $"process {link.ProviderId} provides two products in this system ({flow} and {link.FlowId}); solving it needs an allocation, which Cradle does not choose.");
                }
                continue;
            }
            productOf[link.ProviderId] = link.FlowId;
            order.Add(link.ProviderId);
        }
        var index = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        // What one run of each process's data set makes of its product, in the flow's reference unit.
        var output = order.Select(id => ProvidedAmount(Process(database, id, file, "processLinks"), productOf[id], file)).ToArray();

        // N: input of product i per one reference unit of product j (the engine's A = I − N counts in product units).
        var inputs = new SparseColumns(order.Count, order.Count);
        for (var k = 0; k < system.Links.Count; k++)
        {
            var link = system.Links[k];
            var consumer = Process(database, link.ConsumerId, file, $"processLinks[{k}].process");
            if (!index.TryGetValue(consumer.Id, out var column))
            {
                continue; // a consumer nothing of the reference's supply chain reaches: scaled 0
            }
            var exchange = consumer.Exchanges.FirstOrDefault(e => e.InternalId == link.ExchangeInternalId)
                ?? throw new OpenLcaPackageException(file, $"processLinks[{k}].exchange", $"process '{consumer.Name}' has no exchange {link.ExchangeInternalId.ToString(CultureInfo.InvariantCulture)}.");
            var amount = exchange.ReferenceAmount
                ?? throw new OpenLcaPackageException(file, $"processLinks[{k}]", $"the linked exchange of '{consumer.Name}' is in a unit the package cannot convert ('{exchange.UnitName}').");
            inputs.Add(index[link.ProviderId], column, amount / output[column]);
        }
        var targetAmount = system.TargetAmount * (referenceExchange.ReferenceAmount is { } r && referenceExchange.Amount != 0 ? r / referenceExchange.Amount : 1.0);
        var demand = new double[order.Count];
        demand[0] = targetAmount;
        var amounts = ScalingSolver.Solve(inputs, demand, j => database.Processes[order[j]].Name);

        var scaling = new Dictionary<string, double>(StringComparer.Ordinal);
        var flows = new SortedDictionary<string, double>(StringComparer.Ordinal);
        for (var j = 0; j < order.Count; j++)
        {
            var runs = amounts[j] / output[j];
            scaling[order[j]] = runs;
            foreach (var exchange in database.Processes[order[j]].Exchanges)
            {
                if (database.Flows.TryGetValue(exchange.FlowId, out var flow) && flow.Type == BackgroundFlowType.Elementary && exchange.ReferenceAmount is { } value)
                {
                    flows[flow.Id] = flows.GetValueOrDefault(flow.Id) + (exchange.IsInput ? -value : value) * runs;
                }
            }
        }
        return new BackgroundInventory(system, scaling, flows) { TargetReferenceAmount = targetAmount };
    }

    private static BackgroundProcess Process(BackgroundDatabase database, string id, string file, string field) =>
        database.Processes.GetValueOrDefault(id) ?? throw new OpenLcaPackageException(file, field, $"process {id} is not in the package.");

    private static double ProvidedAmount(BackgroundProcess process, string flowId, string file)
    {
        var exchange = process.Exchanges.FirstOrDefault(e => e.FlowId == flowId && !e.IsInput && !e.IsAvoidedProduct)
            ?? throw new OpenLcaPackageException(file, "processLinks", $"process '{process.Name}' is linked as provider of flow {flowId} but has no output of it.");
        return exchange.ReferenceAmount is { } amount && amount != 0
            ? amount
            : throw new OpenLcaPackageException(file, "processLinks", $"process '{process.Name}' gives its output of flow {flowId} as 0 or in a unit the package cannot convert.");
    }
}
