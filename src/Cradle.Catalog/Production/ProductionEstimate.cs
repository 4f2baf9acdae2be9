namespace Cradle.Catalog.Production;

/// <summary>What one estimator says about the production of one accelerator.</summary>
/// <param name="Estimator">The estimator's name ("ademe-measured", "mlca", "modelled(ademe-parametric+mlca)").</param>
/// <param name="Impacts">One value per criterion the estimator covers, in <see cref="ProductionCriteria.All"/> order.</param>
/// <param name="Source">The citation of the data or model.</param>
/// <param name="Scope">The life-cycle stages covered, e.g. "cradle-to-gate" or "cradle-to-grave excluding use".</param>
/// <param name="Note">How the value was obtained: inputs, proxies, choices.</param>
public sealed record ProductionEstimate(string Estimator, IReadOnlyList<ProductionImpact> Impacts, string Source, string Scope, string Note)
{
    /// <summary>The impact for <paramref name="criterion"/>, or null when this estimator does not cover it.</summary>
    public ProductionImpact? Impact(ProductionCriterion criterion) => Impacts.FirstOrDefault(i => i.Criterion == criterion);
}
