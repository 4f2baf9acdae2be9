namespace Cradle.Core.Interpretation;

/// <summary>
/// The arithmetic of amortising a one-off cost (experimentation, training) over the inferences a model serves:
/// per-inference cost at a lifetime, and the break-even lifetime at which cumulative inference equals the one-off cost.
/// </summary>
public static class Amortisation
{
    /// <summary>Cost per inference when <paramref name="oneOff"/> is shared by <paramref name="lifetimeInferences"/>: c + F ÷ N.</summary>
    public static double PerInference(double perInference, double oneOff, double lifetimeInferences)
    {
        if (lifetimeInferences <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetimeInferences), lifetimeInferences, "The lifetime number of inferences must be positive.");
        }
        return perInference + (oneOff / lifetimeInferences);
    }

    /// <summary>
    /// N* = F ÷ c: the lifetime number of inferences at which N × c equals the one-off cost F. Null when the
    /// per-inference cost is zero or negative (inference never catches up) or the one-off cost is zero or negative.
    /// </summary>
    public static double? BreakEven(double perInference, double oneOff) =>
        perInference > 0 && oneOff > 0 ? oneOff / perInference : null;
}
