using System.Globalization;

namespace Cradle.Interchange.Reading;

/// <summary>
/// What a package leaves open, listed rather than resolved: processes with no quantitative reference, multi-output
/// processes with the allocation they state, inputs no process of the package provides (cut-offs), and product
/// systems or methods pointing at what the package does not hold.
/// </summary>
internal sealed class PackageFindings(
    IReadOnlyDictionary<string, BackgroundProcess> processes,
    IReadOnlyDictionary<string, BackgroundFlow> flows,
    IReadOnlyDictionary<string, BackgroundProductSystem> systems,
    IReadOnlyDictionary<string, BackgroundImpactMethod> methods,
    IReadOnlyDictionary<string, BackgroundImpactCategory> categories,
    Func<string, string, string> fileOf,
    List<ImportFinding> findings)
{
    public void Collect()
    {
        // Who makes a product (outputs it) and who treats a waste (takes it as input), over the whole package.
        var made = new HashSet<string>(StringComparer.Ordinal);
        var treated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exchange in processes.Values.SelectMany(p => p.Exchanges).Where(e => !e.IsAvoidedProduct))
        {
            (exchange.IsInput ? treated : made).Add(exchange.FlowId);
        }
        foreach (var process in processes.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var file = fileOf("processes", process.Id);
            if (process.QuantitativeReference is null)
            {
                findings.Add(new ImportFinding("no-quantitative-reference", file, "exchanges",
                    $"process '{process.Name}' flags no exchange as its quantitative reference; it can only be scaled by a link naming one of its outputs."));
            }
            MultiOutput(process, file);
            var seen = new HashSet<int>();
            for (var i = 0; i < process.Exchanges.Count; i++)
            {
                if (!seen.Add(process.Exchanges[i].InternalId))
                {
                    findings.Add(new ImportFinding("duplicate-exchange-id", file, $"exchanges[{i}].internalId",
                        $"process '{process.Name}' gives internalId {process.Exchanges[i].InternalId.ToString(CultureInfo.InvariantCulture)} to two exchanges; a process link to it is ambiguous."));
                }
            }
            for (var i = 0; i < process.Exchanges.Count; i++)
            {
                var exchange = process.Exchanges[i];
                if (exchange.IsAvoidedProduct || !flows.TryGetValue(exchange.FlowId, out var flow))
                {
                    continue;
                }
                var unprovided = flow.Type switch
                {
                    BackgroundFlowType.Product => exchange.IsInput && !made.Contains(flow.Id),
                    BackgroundFlowType.Waste => !exchange.IsInput && !treated.Contains(flow.Id),
                    _ => false,
                };
                if (unprovided)
                {
                    var named = exchange.DefaultProviderId is { } provider ? $" (its default provider {provider} is not in the package)" : "";
                    findings.Add(new ImportFinding("cut-off", file, $"exchanges[{i}].flow",
                        $"process '{process.Name}': no process of the package {(flow.Type == BackgroundFlowType.Product ? "makes" : "treats")} " +
                        $"'{flow.Name}'{named}; its supply chain is cut off unless linked to another database."));
                }
            }
        }
        foreach (var system in systems.Values)
        {
            CheckSystem(system);
        }
        foreach (var method in methods.Values)
        {
            foreach (var category in method.CategoryIds.Where(c => !categories.ContainsKey(c)))
            {
                findings.Add(new ImportFinding("unknown-category", fileOf("lcia_methods", method.Id), "impactCategories",
                    $"LCIA method '{method.Name}' names category {category}, which is not in the package."));
            }
        }
    }

    private void MultiOutput(BackgroundProcess process, string file)
    {
        // Co-products: product outputs and waste inputs (both are what the process provides to the technosphere).
        var provided = process.Exchanges
            .Where(e => !e.IsAvoidedProduct && flows.TryGetValue(e.FlowId, out var f)
                && (f.Type == BackgroundFlowType.Product && !e.IsInput || f.Type == BackgroundFlowType.Waste && e.IsInput))
            .Select(e => flows[e.FlowId].Name).Distinct(StringComparer.Ordinal).ToList();
        if (provided.Count < 2)
        {
            return;
        }
        var stated = process.AllocationFactors.Count == 0
            ? "no allocation factors are given, so Cradle cannot split its exchanges between them and does not choose a split"
            : "allocation factors as given: " + string.Join("; ", process.AllocationFactors.GroupBy(a => a.Method).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count()} ({g.Count(a => a.Value == 0)} of them 0)"));
        findings.Add(new ImportFinding("multi-output", file, "allocationFactors",
            $"process '{process.Name}' provides {provided.Count} products ({string.Join(", ", provided.Select(p => $"'{p}'"))}); " +
            $"default allocation method {process.DefaultAllocationMethod ?? "not given"}; {stated}."));
    }

    private void CheckSystem(BackgroundProductSystem system)
    {
        var file = fileOf("product_systems", system.Id);
        foreach (var id in system.ProcessIds.Append(system.ReferenceProcessId).Where(id => !processes.ContainsKey(id)).Distinct(StringComparer.Ordinal))
        {
            findings.Add(new ImportFinding("unknown-process", file, "processes", $"product system '{system.Name}' names process {id}, which is not in the package."));
        }
        for (var i = 0; i < system.Links.Count; i++)
        {
            var link = system.Links[i];
            if (processes.TryGetValue(link.ConsumerId, out var consumer) && !consumer.Exchanges.Any(e => e.InternalId == link.ExchangeInternalId && e.FlowId == link.FlowId))
            {
                findings.Add(new ImportFinding("unknown-exchange", file, $"processLinks[{i}].exchange",
                    $"process '{consumer.Name}' has no exchange {link.ExchangeInternalId.ToString(CultureInfo.InvariantCulture)} of flow {link.FlowId}."));
            }
            foreach (var id in new[] { link.ProviderId, link.ConsumerId }.Where(id => !processes.ContainsKey(id)))
            {
                findings.Add(new ImportFinding("unknown-process", file, $"processLinks[{i}]", $"the link names process {id}, which is not in the package."));
            }
        }
    }
}
