namespace Cradle.Core.Engine;

/// <summary>The final demand f: an amount of one product, in that product's reference unit.</summary>
/// <param name="ProductId">The demanded product (the functional unit's product).</param>
/// <param name="Amount">How much of it, in its reference unit.</param>
public sealed record Demand(string ProductId, double Amount);
