using System.Globalization;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;

namespace Cradle.Cli.Commands;

/// <summary>
/// Refuses a Monte Carlo or Sobol size whose arrays would not fit, before any is allocated: a run may need at most half
/// of the memory available to Cradle (the machine's, or a container's or <c>DOTNET_GCHeapHardLimit</c>'s limit), so
/// that <c>--mc 2147483647</c> is a message, not an out-of-memory crash minutes later. The estimate is
/// <see cref="SamplingMemory"/>'s.
/// </summary>
internal static class SamplingBudget
{
    /// <summary>The most bytes a run may need: half of what the runtime reports as available.</summary>
    public static long Limit => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>Checks <paramref name="iterations"/> draws of every alternative, kept at once (the option is named in the message).</summary>
    /// <exception cref="SamplingTooLargeException">They would not fit.</exception>
    public static void CheckMonteCarlo(IReadOnlyCollection<CompiledStudy> alternatives, int iterations)
    {
        var perIteration = SamplingMemory.MonteCarloPerIteration(alternatives);
        var limit = Limit;
        if ((double)iterations * perIteration > limit)
        {
            var what = alternatives.Count == 1 ? "" : $" for {alternatives.Count} alternatives";
            throw new SamplingTooLargeException(
                $"--mc {iterations} would need about {ByteSize.Format((double)iterations * perIteration)} of memory " +
                $"({ByteSize.Format(perIteration)} per iteration{what}), more than the {Available(limit)}; " +
                $"use --mc {Fitting(limit / perIteration)} or fewer, or run where more memory is available.");
        }
    }

    /// <summary>
    /// Checks a Sobol analysis of every alternative with <paramref name="samples"/> base samples and
    /// <paramref name="bootstrap"/> resamples. The alternatives are analysed one after the other, but their arrays are
    /// counted together: large arrays are reclaimed only by full collections, so they can all be alive at the peak.
    /// </summary>
    /// <exception cref="SamplingTooLargeException">It would not fit.</exception>
    public static void CheckSobol(IReadOnlyCollection<CompiledStudy> alternatives, int samples, int bootstrap)
    {
        var perSample = alternatives.Sum(SamplingMemory.SobolPerSample);
        var perResample = alternatives.Sum(SamplingMemory.SobolPerResample);
        var limit = Limit;
        var needed = ((double)samples * perSample) + ((double)bootstrap * perResample);
        if (needed <= limit)
        {
            return;
        }
        var start = $"--samples {samples} with --bootstrap {bootstrap} would need about {ByteSize.Format(needed)} of memory, more than the {Available(limit)}; ";
        var resamplesAlone = (double)bootstrap * perResample;
        throw new SamplingTooLargeException(resamplesAlone > limit / 2.0
            ? start + $"use --bootstrap {Fitting(limit / 2 / Math.Max(1, perResample))} or fewer."
            : start + $"use --samples {Fitting((long)((limit - resamplesAlone) / perSample))} or fewer, or run where more memory is available.");
    }

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

/// <summary>A sampling size that would not fit in memory: a usage error, exit code 1.</summary>
internal sealed class SamplingTooLargeException(string message) : Exception(message);
