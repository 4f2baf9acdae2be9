using System.Globalization;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>
/// Refuses a Monte Carlo or Sobol size whose arrays would not fit, before any is allocated: a run may need at most half
/// of the memory available to Cradle (the machine's, or a container's or <c>DOTNET_GCHeapHardLimit</c>'s limit), so
/// that <c>--mc 2147483647</c> is a message, not an out-of-memory crash minutes later. The estimate is
/// <see cref="SamplingMemory"/>'s.
/// </summary>
public static class SamplingBudget
{
    /// <summary>The most bytes a run may need: half of what the runtime reports as available.</summary>
    public static long Limit => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>Checks <paramref name="iterations"/> draws of every alternative, kept at once (the option is named in the message).</summary>
    /// <exception cref="SamplingTooLargeException">They would not fit.</exception>
    /// <param name="alternatives">The alternatives sampled.</param>
    /// <param name="iterations">Draws per alternative.</param>
    /// <param name="energyRows">Whether the energy rows' draws are kept too (assess).</param>
    /// <param name="option">How the iterations were asked for, as the message names it ("--mc" in the CLI).</param>
    public static void CheckMonteCarlo(IReadOnlyCollection<CompiledStudy> alternatives, int iterations, bool energyRows = false, string option = "--mc") =>
        CheckMonteCarlo(SamplingMemory.MonteCarloPerIteration(alternatives, energyRows), alternatives.Count, iterations, Limit, option);

    /// <summary>
    /// <see cref="CheckMonteCarlo(IReadOnlyCollection{CompiledStudy}, int, bool, string)"/> for <paramref name="perIteration"/> bytes
    /// per iteration of <paramref name="alternatives"/> alternatives, against <paramref name="limit"/> bytes.
    /// </summary>
    public static void CheckMonteCarlo(long perIteration, int alternatives, int iterations, long limit, string option = "--mc")
    {
        if ((double)iterations * perIteration <= limit)
        {
            return;
        }
        var what = alternatives == 1 ? "" : $" for {alternatives} alternatives";
        var start = $"{option} {iterations} would need about {ByteSize.Format((double)iterations * perIteration)} of memory " +
            $"({ByteSize.Format(perIteration)} per iteration{what}), more than the {Available(limit)}; ";
        // --mc 1 is the least that samples at all: when even that does not fit, no smaller --mc is worth suggesting.
        var fitting = limit / Math.Max(1, perIteration);
        throw new SamplingTooLargeException(fitting >= 1
            ? start + $"use {option} {Fitting(fitting)} or fewer, or run where more memory is available."
            : start + $"even {option} 1 needs {ByteSize.Format(perIteration)}; run where more memory is available.");
    }

    /// <summary>
    /// Checks a Sobol analysis of every alternative with <paramref name="samples"/> base samples and
    /// <paramref name="bootstrap"/> resamples. The alternatives are analysed one after the other, but their arrays are
    /// counted together: large arrays are reclaimed only by full collections, so they can all be alive at the peak.
    /// </summary>
    /// <exception cref="SamplingTooLargeException">It would not fit.</exception>
    public static void CheckSobol(IReadOnlyCollection<CompiledStudy> alternatives, int samples, int bootstrap) =>
        CheckSobol(alternatives.Sum(SamplingMemory.SobolPerSample), alternatives.Sum(SamplingMemory.SobolPerResample), samples, bootstrap, Limit);

    /// <summary>
    /// <see cref="CheckSobol(IReadOnlyCollection{CompiledStudy}, int, int)"/> for <paramref name="perSample"/> bytes per
    /// base sample and <paramref name="perResample"/> per resample, against <paramref name="limit"/> bytes.
    /// </summary>
    public static void CheckSobol(long perSample, long perResample, int samples, int bootstrap, long limit)
    {
        var needed = ((double)samples * perSample) + ((double)bootstrap * perResample);
        if (needed <= limit)
        {
            return;
        }
        var start = $"--samples {samples} with --bootstrap {bootstrap} would need about {ByteSize.Format(needed)} of memory, more than the {Available(limit)}; ";
        // The least a Sobol analysis can be: --samples 2 (the option's minimum) and no intervals.
        var least = (double)MinimumSamples * perSample;
        if (least > limit)
        {
            throw new SamplingTooLargeException(start +
                $"even --samples {MinimumSamples} with --bootstrap 0 needs {ByteSize.Format(least)}; run where more memory is available.");
        }
        var resamplesAlone = (double)bootstrap * perResample;
        var samplesFitting = (long)((limit - resamplesAlone) / Math.Max(1, perSample));
        if (resamplesAlone > limit / 2.0 || samplesFitting < MinimumSamples)
        {
            // The resamples take the room: suggest at most half of it for them, or, when even the fewest samples do not
            // fit beside them, what is left beside those.
            var room = resamplesAlone > limit / 2.0 ? limit / 2.0 : limit - least;
            var resamples = (long)(room / Math.Max(1, perResample));
            throw new SamplingTooLargeException(resamples >= 1
                ? start + $"use --bootstrap {Fitting(resamples)} or fewer."
                : start + "use --bootstrap 0 (no intervals).");
        }
        throw new SamplingTooLargeException(start + $"use --samples {Fitting(samplesFitting)} or fewer, or run where more memory is available.");
    }

    private const int MinimumSamples = 2;

    private static string Available(long limit) =>
        $"{ByteSize.Format(limit)} Cradle may use (half of the {ByteSize.Format(limit * 2.0)} available)";

    /// <summary>The largest count that fits, rounded down to two significant digits so it reads as a choice.</summary>
    private static string Fitting(long count)
    {
        if (count < 100)
        {
            return count.ToString(CultureInfo.InvariantCulture);
        }
        var scale = (long)Math.Pow(10, Math.Floor(Math.Log10(count)) - 1);
        return (count / scale * scale).ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>A sampling size that would not fit in memory: a usage error (exit code 1 in the CLI, 400 from the server).</summary>
public sealed class SamplingTooLargeException(string message) : Exception(message);
