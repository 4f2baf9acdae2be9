using System.Globalization;
using Cradle.Core.Model;
using Cradle.Core.Parameters;
using Cradle.Core.Units;

namespace Cradle.Benchmarks;

/// <summary>Product systems of a chosen size and shape for the engine benchmarks.</summary>
internal static class SyntheticSystems
{
    public static readonly ImpactMethod Method = new("m", "m", [new ImpactCategory("gwp", "gwp", KnownUnits.KilogramCo2Eq, new Dictionary<string, double> { ["co2"] = 1 })]);

    /// <summary>
    /// <paramref name="size"/> processes; process i consumes 0.5 of i+1 and 0.25 of i+2 (acyclic, like a foreground
    /// supply chain), or, with <paramref name="loopEvery"/> &gt; 0, also 0.1 of i−<paramref name="loopEvery"/>+1 at every
    /// <paramref name="loopEvery"/>-th process, closing loops of that length.
    /// </summary>
    public static ProductSystem Chain(int size, int loopEvery = 0)
    {
        var unit = KnownUnits.KilowattHour;
        var products = Enumerable.Range(0, size).Select(i => new Product(Id(i), Id(i), unit)).ToList();
        var processes = new List<Process>();
        for (var i = 0; i < size; i++)
        {
            var inputs = new List<TechnosphereInput>();
            if (i + 1 < size)
            {
                inputs.Add(new TechnosphereInput(Id(i + 1), "0.5"));
            }
            if (i + 2 < size)
            {
                inputs.Add(new TechnosphereInput(Id(i + 2), "share"));
            }
            if (loopEvery > 1 && i % loopEvery == loopEvery - 1)
            {
                inputs.Add(new TechnosphereInput(Id(i - loopEvery + 1), "0.1"));
            }
            processes.Add(new Process(Id(i), Id(i), Id(i), i % 2 == 0 ? "a" : "b", inputs, [new BiosphereExchange("co2", "intensity")]));
        }
        var parameters = ParameterResolver.Resolve(
        [
            ParameterDefinition.FromValue("share", new Quantity(0.25, Unit.One), new Provenance(DataOrigin.Declared)),
            ParameterDefinition.FromValue("intensity", Quantity.Parse("0.4 kg CO2 eq/kWh"), new Provenance(DataOrigin.Declared)),
        ]);
        return ProductSystemBuilder.Build(products, [new ElementaryFlow("co2", "CO2", "air", KnownUnits.KilogramCo2Eq)], processes, parameters);
    }

    private static string Id(int i) => "p" + i.ToString(CultureInfo.InvariantCulture);
}
