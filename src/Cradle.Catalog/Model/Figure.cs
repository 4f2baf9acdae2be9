namespace Cradle.Catalog.Model;

/// <summary>
/// A figure of an entry (its power, its embodied GWP, its grid intensity): every estimate the sources give, the first
/// being the catalog's default, and the uncertainty around the default.
/// </summary>
/// <param name="Name">The figure's name, e.g. "power" or "embodied.gwp100".</param>
/// <param name="Estimates">At least one; the first is the default.</param>
/// <param name="Uncertainty">How uncertain the default is.</param>
public sealed record Figure(string Name, IReadOnlyList<Estimate> Estimates, Uncertainty Uncertainty)
{
    /// <summary>The catalog's default estimate.</summary>
    public Estimate Default => Estimates[0];
}
