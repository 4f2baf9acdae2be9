namespace Cradle.Catalog.Production;

/// <summary>One criterion's production impact of one accelerator, with its uncertainty.</summary>
/// <param name="Criterion">What is measured.</param>
/// <param name="Value">The central value (median of the lognormal), in <see cref="ProductionCriteria.Unit"/> of the criterion; &gt; 0.</param>
/// <param name="GeometricSd">Geometric standard deviation of a lognormal around <paramref name="Value"/> (&gt; 1); the
/// 90 % interval is Value ÷ GSD^1.645 to Value × GSD^1.645.</param>
public sealed record ProductionImpact(ProductionCriterion Criterion, double Value, double GeometricSd)
{
    /// <summary>The unit of <see cref="Value"/>.</summary>
    public string Unit => ProductionCriteria.Unit(Criterion);

    /// <summary>The 5th and 95th percentiles of the lognormal, in <see cref="Unit"/>.</summary>
    public (double Low, double High) Interval90 =>
        (Value / Math.Pow(GeometricSd, 1.645), Value * Math.Pow(GeometricSd, 1.645));
}
