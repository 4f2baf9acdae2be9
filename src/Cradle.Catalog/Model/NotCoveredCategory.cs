namespace Cradle.Catalog.Model;

/// <summary>
/// A category of a published method that the catalog does not ship (no characterisation factors, or replaced by
/// another method's), listed so that results can say it was not assessed rather than show it as zero.
/// </summary>
/// <param name="Id">Category id, e.g. "ecotoxicity".</param>
/// <param name="Name">Category name as the method publishes it, with its unit, e.g. "Ecotoxicity (TRACI 2.1, CTUe)".</param>
/// <param name="Reason">Why it is not covered, in words.</param>
public sealed record NotCoveredCategory(string Id, string Name, string Reason);
