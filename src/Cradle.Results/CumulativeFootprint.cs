namespace Cradle.Results;

/// <summary>
/// The cumulative footprint of a per-request alternative after N requests, C(N) = D + N × i: D its development
/// (experimentation + training, one trained model) and i its cost per request (marginal inference + serving hardware),
/// both read from its equation (1) results. Two alternatives' lines cross at N* = (D_A − D_B) ÷ (i_B − i_A), the
/// break-even volume the trade-off analysis gives; the report draws the lines and marks the crossing.
/// </summary>
/// <param name="Development">D, per category.</param>
/// <param name="PerRequest">i, per category, per request.</param>
public sealed record CumulativeFootprint(IReadOnlyList<double> Development, IReadOnlyList<double> PerRequest)
{
    /// <summary>C(N) = D + N × i in category <paramref name="category"/>.</summary>
    public double After(double requests, int category) => Development[category] + (requests * PerRequest[category]);

    /// <summary>
    /// The terms of <paramref name="eq"/>, or null when they cannot be read: equation (1) gives the per-request terms
    /// per functional unit, and the requests in one functional unit are recovered from the amortised development,
    /// D × requests ÷ lifetime, so some category needs a development total above zero.
    /// </summary>
    public static CumulativeFootprint? Of(EquationOneResults eq)
    {
        ArgumentNullException.ThrowIfNull(eq);
        var k = Enumerable.Range(0, eq.DevelopmentTotal.Count).FirstOrDefault(k => eq.DevelopmentTotal[k] > 0 && eq.Development[k] > 0, -1);
        if (k < 0 || !(eq.Lifetime > 0))
        {
            return null;
        }
        var requestsPerUnit = eq.Development[k] * eq.Lifetime / eq.DevelopmentTotal[k];
        return new CumulativeFootprint(eq.DevelopmentTotal, [.. eq.Marginal.Zip(eq.Embodied, (m, e) => (m + e) / requestsPerUnit)]);
    }

    /// <summary>
    /// N* where the lines of <paramref name="a"/> and <paramref name="b"/> cross in <paramref name="category"/>, or null
    /// when they do not cross at a positive volume (one is cheaper to develop and to serve, or they are parallel).
    /// </summary>
    public static double? Crossing(CumulativeFootprint a, CumulativeFootprint b, int category)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var development = a.Development[category] - b.Development[category];
        var perRequest = b.PerRequest[category] - a.PerRequest[category];
        // Equal terms computed along different paths differ in the last bits; such a difference is no crossing.
        if (Same(a.Development[category], b.Development[category]) || Same(a.PerRequest[category], b.PerRequest[category]))
        {
            return null;
        }
        var n = development / perRequest;
        return double.IsFinite(n) && n > 0 ? n : null;
    }

    private static bool Same(double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(Math.Abs(x), Math.Abs(y));
}
