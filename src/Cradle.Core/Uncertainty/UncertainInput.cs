namespace Cradle.Core.Uncertainty;

/// <summary>A parameter drawn from a distribution in a Monte Carlo run.</summary>
/// <param name="Name">The parameter's name: it seeds the draws, so alternatives sharing a name share draws.</param>
/// <param name="Slot">Its slot in the product system's parameter table.</param>
/// <param name="Distribution">Its distribution, in base units.</param>
public sealed record UncertainInput(string Name, int Slot, Distribution Distribution);
