using Cradle.Core.Parameters;

namespace Cradle.Core.Uncertainty;

/// <summary>
/// Finds what each input reaches in an acyclic model: the parameters computed from it (directly or through others),
/// the amounts that read any of them, the processes whose scaling changes (the suppliers of a changed amount, and
/// theirs, up the chain) and the flows whose contribution changes. Built from indexes of who reads what, so the cost
/// is what the inputs reach, not inputs × system.
/// </summary>
internal static class InputReach
{
    public static Reach[] Find(VectorisedModel model, IReadOnlyList<int> inputSlots)
    {
        var system = model.ProductSystem;
        var parameters = system.Parameters.Parameters;
        var slotCount = model.SlotCount;
        var parameterReaders = Readers(slotCount, parameters.Select(p => p.Formula?.Slots ?? []));
        var technosphereReaders = Readers(slotCount, system.Technosphere.Select(x => x.Amount.Slots));
        var biosphereReaders = Readers(slotCount, system.Biosphere.Select(x => x.Amount.Slots));
        var parameterAt = new int[slotCount];
        for (var p = 0; p < parameters.Count; p++)
        {
            parameterAt[parameters[p].Slot] = p;
        }
        var processes = system.Processes.Count;
        var suppliers = Enumerable.Range(0, processes).Select(_ => new List<int>()).ToArray();
        foreach (var exchange in system.Technosphere)
        {
            if (exchange.Row != exchange.Column)
            {
                suppliers[exchange.Column].Add(exchange.Row);
            }
        }
        var order = new int[processes];
        for (var i = 0; i < processes; i++)
        {
            order[model.ConsumersFirst[i]] = i;
        }
        return [.. inputSlots.Select(slot => Of(model, slot, parameterAt, parameterReaders, technosphereReaders, biosphereReaders, suppliers, order))];
    }

    private static Reach Of(
        VectorisedModel model, int inputSlot, int[] parameterAt, List<int>[] parameterReaders, List<int>[] technosphereReaders,
        List<int>[] biosphereReaders, List<int>[] suppliers, int[] order)
    {
        var system = model.ProductSystem;
        var parameters = system.Parameters.Parameters;

        // Parameters, by breadth-first search over readers; evaluated in the table's order.
        var reachedSlots = new HashSet<int> { inputSlot };
        var queue = new Queue<int>([inputSlot]);
        while (queue.TryDequeue(out var slot))
        {
            foreach (var reader in parameterReaders[slot])
            {
                if (reachedSlots.Add(parameters[reader].Slot))
                {
                    queue.Enqueue(parameters[reader].Slot);
                }
            }
        }
        var reachedParameters = reachedSlots.Select(s => parameterAt[s]).Order().Select(p => parameters[p]).ToArray();
        var technosphere = reachedSlots.SelectMany(s => technosphereReaders[s]).Distinct().Order().ToArray();
        var biosphere = reachedSlots.SelectMany(s => biosphereReaders[s]).Distinct().Order().ToArray();
        var changedTechnosphere = technosphere.ToHashSet();
        var changedBiosphere = biosphere.ToHashSet();

        // Scaling: the product of a changed amount (a self-loop changes its own process), then every supplier of a
        // changed process, up the chain.
        var scaled = technosphere.Select(e => system.Technosphere[e].Row).ToHashSet();
        var pending = new Queue<int>(scaled);
        while (pending.TryDequeue(out var process))
        {
            foreach (var supplier in suppliers[process])
            {
                if (scaled.Add(supplier))
                {
                    pending.Enqueue(supplier);
                }
            }
        }
        var reachedProcesses = scaled.OrderBy(j => order[j]).Select(j => new ReachedProcess(j,
            [.. model.ConsumersOf(j).Where(x => changedTechnosphere.Contains(x.Exchange) || scaled.Contains(x.Consumer))])).ToArray();

        var flows = scaled.Concat(biosphere.Select(e => system.Biosphere[e].Column)).Distinct().Order()
            .SelectMany(j => model.FlowsOf(j)
                .Where(f => scaled.Contains(j) || changedBiosphere.Contains(f.Exchange))
                .Select(f => (j, f.Exchange, f.Factors)))
            .ToArray();
        return new Reach(reachedParameters, technosphere, biosphere, reachedProcesses, flows);
    }

    /// <summary>For each slot, the items (parameters or exchanges, by index) whose expression reads it.</summary>
    private static List<int>[] Readers(int slots, IEnumerable<IReadOnlyList<int>> reads)
    {
        var readers = Enumerable.Range(0, slots).Select(_ => new List<int>()).ToArray();
        var index = 0;
        foreach (var read in reads)
        {
            foreach (var slot in read)
            {
                readers[slot].Add(index);
            }
            index++;
        }
        return readers;
    }
}
