using Cradle.Studies.Assessment;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// When a sampling size does not fit, the size suggested is never below the option's minimum (--mc 1, --samples 2,
/// --bootstrap 0); when even the minimum does not fit, the message says so and suggests running elsewhere.
/// </summary>
public sealed class SamplingSuggestionTests
{
    [Fact]
    public void Monte_Carlo_that_cannot_fit_one_iteration_says_so()
    {
        var e = Assert.Throws<SamplingTooLargeException>(() => SamplingBudget.CheckMonteCarlo(perIteration: 4096, alternatives: 1, iterations: 10, limit: 1000));
        Assert.Contains("even --mc 1 needs 4 KiB; run where more memory is available.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--mc 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Monte_Carlo_that_fits_some_iterations_suggests_them()
    {
        var e = Assert.Throws<SamplingTooLargeException>(() => SamplingBudget.CheckMonteCarlo(perIteration: 100, alternatives: 2, iterations: 10, limit: 250));
        Assert.Contains("use --mc 2 or fewer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sobol_that_cannot_fit_two_samples_says_so()
    {
        var e = Assert.Throws<SamplingTooLargeException>(() => SamplingBudget.CheckSobol(perSample: 1000, perResample: 10, samples: 4096, bootstrap: 0, limit: 1500));
        Assert.Contains("even --samples 2 with --bootstrap 0 needs", e.Message, StringComparison.Ordinal);
        Assert.Contains("run where more memory is available", e.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"--samples [01]\b", e.Message);
    }

    [Fact]
    public void Sobol_whose_samples_do_not_fit_beside_the_resamples_suggests_fewer_resamples_not_fewer_than_two_samples()
    {
        // 4 samples of 300 and 5 resamples of 100 need 1,700 bytes of 1,000; 2 samples leave room for 4 resamples.
        var e = Assert.Throws<SamplingTooLargeException>(() => SamplingBudget.CheckSobol(perSample: 300, perResample: 100, samples: 4, bootstrap: 5, limit: 1000));
        Assert.Contains("use --bootstrap 4 or fewer.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"use --samples", e.Message);
    }

    [Fact]
    public void Sobol_with_no_room_for_one_resample_suggests_no_intervals()
    {
        var e = Assert.Throws<SamplingTooLargeException>(() => SamplingBudget.CheckSobol(perSample: 300, perResample: 1000, samples: 2, bootstrap: 1, limit: 1000));
        Assert.Contains("use --bootstrap 0 (no intervals).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sobol_with_room_suggests_samples_that_fit()
    {
        var e = Assert.Throws<SamplingTooLargeException>(() => SamplingBudget.CheckSobol(perSample: 10, perResample: 10, samples: 1000, bootstrap: 10, limit: 1000));
        Assert.Contains("use --samples 90 or fewer", e.Message, StringComparison.Ordinal);
    }
}
