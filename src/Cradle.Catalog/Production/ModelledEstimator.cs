using System.Globalization;

namespace Cradle.Catalog.Production;

/// <summary>
/// A modelled footprint from several model estimators. Per criterion, over the estimators that give a value: the central
/// value is their geometric mean; the GSD is the larger of (a) the largest GSD any of them states and (b) the GSD whose
/// 90 % interval (×/÷ GSD^1.645) around the mean reaches both the smallest and the largest of them. The estimate is
/// labelled "modelled(a+b)" with the estimators that answered; those that could not are listed in the note.
/// </summary>
internal sealed class ModelledEstimator(string name, IReadOnlyList<IAcceleratorProductionEstimator> models) : IAcceleratorProductionEstimator
{
    public string Name => name;

    public string Description => $"modelled: geometric mean of {string.Join(", ", models.Select(m => m.Name))}, GSD covering their spread";

    public ProductionResult Estimate(AcceleratorSpec accelerator)
    {
        var results = models.Select(m => m.Estimate(accelerator)).ToList();
        var answered = results.Where(r => r.IsEstimated).Select(r => r.Estimate!).ToList();
        var refused = results.Where(r => !r.IsEstimated).Select(r => $"{r.Estimator}: {r.Reason}").ToList();
        if (answered.Count == 0)
        {
            return ProductionResult.CannotEstimate(Name, string.Join("; ", refused));
        }
        var impacts = ProductionCriteria.All.Select(c => Combine(c, answered.Select(e => e.Impact(c)).OfType<ProductionImpact>().ToList()))
            .OfType<ProductionImpact>().ToList();
        var note = string.Join("; ", answered.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"{e.Estimator}: {string.Join(", ", e.Impacts.Select(i => $"{i.Value:G4} {i.Unit}"))}")).Concat(refused.Select(r => $"not used: {r}")));
        return ProductionResult.Of(new ProductionEstimate(
            $"modelled({string.Join("+", answered.Select(e => e.Estimator))})", impacts,
            string.Join(" | ", answered.Select(e => e.Source).Distinct(StringComparer.Ordinal)),
            string.Join(" | ", answered.Select(e => e.Scope).Distinct(StringComparer.Ordinal)), note));
    }

    /// <summary>The combined impact of one criterion, or null when no estimator gives it.</summary>
    internal static ProductionImpact? Combine(ProductionCriterion criterion, IReadOnlyList<ProductionImpact> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var mean = Math.Exp(values.Average(v => Math.Log(v.Value)));
        var spread = Math.Max(values.Max(v => v.Value) / mean, mean / values.Min(v => v.Value));
        var gsd = Math.Max(values.Max(v => v.GeometricSd), Math.Pow(spread, 1 / 1.645));
        return new ProductionImpact(criterion, mean, gsd);
    }
}
