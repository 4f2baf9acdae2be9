using System.Globalization;
using Cradle.Studies.Assessment;

namespace Cradle.Server.Studies;

/// <summary>
/// The Monte Carlo an assessment asks for, from <c>mc</c> and <c>seed</c> (query or form): none when <c>mc</c> is absent,
/// empty or 0; otherwise 1 to the server's most iterations, with the seed (default 1, as <c>cradle assess --seed</c>).
/// </summary>
internal static class MonteCarloRequest
{
    /// <summary>The seed when none is given (the CLI's default).</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>Reads the two values; returns the options (null: none) or the reason they are refused.</summary>
    public static (MonteCarloOptions? Options, string? Refusal) Read(string? mc, string? seed, int most)
    {
        mc = mc?.Trim();
        seed = seed?.Trim();
        if (string.IsNullOrEmpty(mc) || mc == "0")
        {
            return string.IsNullOrEmpty(seed) ? (null, null)
                : (null, "seed is used only with mc (Monte Carlo iterations); give mc too, or leave seed out.");
        }
        if (!int.TryParse(mc, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return (null, $"mc is a whole number of Monte Carlo iterations from 1 to {most} (e.g. 1000), not '{Shown(mc)}'.");
        }
        if (iterations > most)
        {
            return (null, $"mc {iterations} is over this server's limit of {most} iterations (cradle serve --max-mc); ask for fewer, " +
                "or run 'cradle assess --mc' on your own machine.");
        }
        var drawn = DefaultSeed;
        if (!string.IsNullOrEmpty(seed) && !ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out drawn))
        {
            return (null, $"seed is a whole number from 0 to {ulong.MaxValue}, not '{Shown(seed)}'.");
        }
        // Results do not depend on the threads (the same seed gives the same draws); all processors are used.
        return (new MonteCarloOptions(iterations, drawn, Environment.ProcessorCount), null);
    }

    private static string Shown(string value) => Syntax.Printable.Elide(Syntax.Printable.Escape(value));
}
