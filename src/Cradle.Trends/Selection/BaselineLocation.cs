namespace Cradle.Trends.Selection;

/// <summary>
/// Where a model's training is assumed to have run in the baseline: the grid of the organisation's country, a proxy
/// (Epoch gives the organisation's country, not the data centre's).
/// </summary>
/// <param name="GridId">The catalog grid id ("us", "world").</param>
/// <param name="Label">How it was chosen, for reports: "organisation's country (proxy): United States", "world average (fallback): only 'Multinational' given".</param>
/// <param name="IsFallback">True when the country could not be used and the world average stands in.</param>
public sealed record BaselineLocation(string GridId, string Label, bool IsFallback);
