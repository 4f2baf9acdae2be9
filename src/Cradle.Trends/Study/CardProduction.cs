namespace Cradle.Trends.Study;

/// <summary>One catalog accelerator's production GWP by the study's estimator, for the per-card trend over release years.</summary>
/// <param name="AcceleratorId">Catalog id.</param>
/// <param name="ReleaseYear">Release year; null when the catalog has none (then it is not in the fit).</param>
/// <param name="GwpKg">Production GWP of one card, kg CO2e (the estimator's median); null when it cannot estimate.</param>
/// <param name="Estimator">The estimator that answered, e.g. <c>mlca</c>.</param>
/// <param name="Unavailable">Why there is no figure; null when there is one.</param>
public sealed record CardProduction(string AcceleratorId, int? ReleaseYear, double? GwpKg, string Estimator, string? Unavailable);
