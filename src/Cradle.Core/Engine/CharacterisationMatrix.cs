using Cradle.Core.Model;

namespace Cradle.Core.Engine;

/// <summary>C: for each impact category, the (flow index, factor) pairs of the flows it characterises.</summary>
public sealed class CharacterisationMatrix
{
    private CharacterisationMatrix(IReadOnlyList<IReadOnlyList<(int Flow, double Factor)>> rows) => Rows = rows;

    /// <summary>One row per category of the method, in order.</summary>
    public IReadOnlyList<IReadOnlyList<(int Flow, double Factor)>> Rows { get; }

    /// <summary>Maps the method's factors onto the system's flow indices; flows the system lacks are ignored.</summary>
    public static CharacterisationMatrix Build(ImpactMethod method, ProductSystem system) =>
        new(method.Categories
            .Select(category => (IReadOnlyList<(int, double)>)category.Factors
                .Where(f => system.FlowIndex.ContainsKey(f.Key))
                .Select(f => (system.FlowIndex[f.Key], f.Value))
                .ToList())
            .ToList());
}
