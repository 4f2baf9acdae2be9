using System.CommandLine;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Commands;

/// <summary>The <c>--mc N --seed S --threads T</c> options shared by the commands that sample.</summary>
internal static class MonteCarloOptionSet
{
    public static (Option<int> Iterations, Option<ulong> Seed, Option<int> Threads) Create(int defaultIterations = 0)
    {
        var iterations = NumberOptions.WholeNumber("--mc",
            "Monte Carlo: draw every uncertain input this many times (e.g. 100000); 0 runs none. " +
            "A run that would need more than half of the memory available is refused before it starts.",
            "iterations", 0, int.MaxValue, 100_000, defaultIterations);
        var seed = NumberOptions.Seed("Seed of the random draws: the same seed gives the same results, whatever the number of threads.");
        var threads = NumberOptions.WholeNumber("--threads",
            "Threads to use for sampling (results do not depend on it); when not given, one per processor.",
            "threads", 1, int.MaxValue, 4, defaultValue: null);
        return (iterations, seed, threads);
    }

    public static MonteCarloOptions? Read(ParseResult parse, Option<int> iterations, Option<ulong> seed, Option<int> threads) =>
        parse.GetValue(iterations) is var n and > 0 ? new MonteCarloOptions(n, parse.GetValue(seed), Threads(parse, threads)) : null;

    /// <summary>The threads asked for; when <c>--threads</c> is not given (0), one per processor.</summary>
    public static int Threads(ParseResult parse, Option<int> threads) =>
        parse.GetValue(threads) is var t and > 0 ? t : Environment.ProcessorCount;
}
