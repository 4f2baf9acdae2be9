using Cradle.Core.Engine;
using Cradle.Core.Model;
using Cradle.Core.Tests.Builders;
using Cradle.Core.Uncertainty;

namespace Cradle.Core.Tests.Uncertainty;

/// <summary>
/// A change of one input, re-evaluated over what it reaches, equals the whole model evaluated again with that input
/// changed: through a formula, a shared supplier, a self-loop and (evaluated in full) a loop of two processes.
/// </summary>
public sealed class InputSweepTests
{
    private static readonly ImpactMethod Method = Methods.Of(Methods.Gwp100(), Methods.WaterUse());
    private static readonly string[] Inputs = ["energy", "pue", "loss", "intensity", "chips", "chip_energy", "chip_co2", "steel"];

    /// <summary>
    /// Serving a request uses energy × pue of electricity and some chips; the grid loses a share of its own output (a
    /// self-loop); making a chip uses electricity (the grid is a shared supplier) and, in the cyclic variant, steel
    /// from a mill that needs coal from a mine that needs steel.
    /// </summary>
    private static ProductSystem System(bool cyclic)
    {
        var builder = new SystemBuilder()
            .Product("request", "request").Product("electricity", "kWh").Product("chip", "kg").Product("steel", "kg").Product("coal", "kg")
            .Flow("co2", "kg").Flow("water", "L", "water")
            .Parameter("energy", "2 kWh/request").Parameter("pue", "1.2").Parameter("loss", "0.05").Parameter("intensity", "0.4 kg/kWh")
            .Parameter("chips", "0.01 kg/request").Parameter("chip_energy", "100 kWh/kg").Parameter("chip_co2", "50 kg/kg")
            .Parameter("steel", "0.5 kg/kg").Parameter("serve_water", "1 L/request").Parameter("grid_water", "2 L/kWh")
            .Formula("facility", "energy * pue")
            .Process("serve", makes: "request", p => p.Consumes("electricity", "facility").Consumes("chip", "chips").Emits("water", "serve_water"))
            .Process("grid", makes: "electricity", p => p.Consumes("electricity", "loss").Emits("co2", "intensity").Emits("water", "grid_water"))
            .Process("fab", makes: "chip", p => p.Consumes("electricity", "chip_energy").Consumes("steel", "steel").Emits("co2", "chip_co2"))
            .Process("mill", makes: "steel", p => (cyclic ? p.Consumes("coal", "0.1") : p).Emits("co2", "2"));
        builder.Process("mine", makes: "coal", p => p.Consumes("steel", "0.2").Emits("co2", "0.01"));
        return builder.Build();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_change_equals_the_whole_model_evaluated_again(bool cyclic)
    {
        var system = System(cyclic);
        var model = new VectorisedModel(system, Method);
        var slots = Inputs.Select(name => system.Parameters.Find(name)!.Slot).ToArray();
        var values = system.Parameters.Evaluate().Slots.ToArray();
        var random = new Random(3);
        const int count = 37;
        double[] Draws(int slot) => [.. Enumerable.Range(0, count).Select(_ => values[slot] * (0.5 + random.NextDouble()))];
        var baseColumns = slots.Select(Draws).ToArray();
        var sweep = new InputSweep(model, new Demand("request", 1000), slots);
        var block = sweep.CreateBlock(64);
        var baseImpacts = Columns(count);
        sweep.EvaluateBase(block, [.. baseColumns.Select(c => (ReadOnlyMemory<double>)c)], count, baseImpacts, 0);
        AssertClose(Full(model, slots, baseColumns, count), baseImpacts);
        for (var i = 0; i < slots.Length; i++)
        {
            var changed = Draws(slots[i]);
            var columns = (double[][])baseColumns.Clone();
            columns[i] = changed;
            var expected = Full(model, slots, columns, count);

            var impacts = Columns(count + 5);
            sweep.EvaluateChange(block, i, changed, impacts, 5);
            AssertClose(expected, [.. impacts.Select(c => c[5..])]);

            var differences = Columns(count);
            sweep.EvaluateDifference(block, i, changed, differences, 0);
            AssertClose(expected, [.. differences.Select((d, c) => d.Select((x, k) => baseImpacts[c][k] + x).ToArray())]);
        }
    }

    [Fact]
    public void An_input_that_does_not_reach_a_category_leaves_it_exactly()
    {
        var system = System(cyclic: false);
        var model = new VectorisedModel(system, Method);
        var slot = system.Parameters.Find("chip_co2")!.Slot; // CO2 of making a chip: no water
        var sweep = new InputSweep(model, new Demand("request", 1), [slot]);
        var block = sweep.CreateBlock(2);
        var value = system.Parameters.Evaluate().Slots[slot];
        sweep.EvaluateBase(block, [new[] { value, value }], 2, null, 0);
        var differences = Columns(2);
        sweep.EvaluateDifference(block, 0, [value / 2, value * 2], differences, 0);
        Assert.Equal([0.0, 0.0], differences[1]);
        Assert.True(differences[0][0] < 0 && differences[0][1] > 0);
    }

    private static double[][] Full(VectorisedModel model, int[] inputSlots, double[][] columns, int count)
    {
        var slots = Enumerable.Range(0, model.SlotCount).Select(_ => new double[count]).ToArray();
        var sampled = new bool[model.SlotCount];
        for (var i = 0; i < inputSlots.Length; i++)
        {
            columns[i].CopyTo(slots[inputSlots[i]], 0);
            sampled[inputSlots[i]] = true;
        }
        var impacts = Columns(count);
        var stages = model.Stages.Select(_ => Columns(count)).ToArray();
        model.Evaluate(slots, sampled, count, [new Demand("request", 1000)], model.CreateWorkspace(count), [impacts], stages, 0);
        return impacts;
    }

    private static double[][] Columns(int length) => [.. Method.Categories.Select(_ => new double[length])];

    private static void AssertClose(double[][] expected, double[][] actual)
    {
        for (var c = 0; c < expected.Length; c++)
        {
            for (var k = 0; k < expected[c].Length; k++)
            {
                Assert.Equal(expected[c][k], actual[c][k], 1e-12 * Math.Abs(expected[c][k]));
            }
        }
    }
}
