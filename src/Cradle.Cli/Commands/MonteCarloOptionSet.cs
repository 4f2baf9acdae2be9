using System.CommandLine;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Commands;

/// <summary>The <c>--mc N --seed S --threads T</c> options shared by the commands that sample.</summary>
internal static class MonteCarloOptionSet
{
    public static (Option<int> Iterations, Option<ulong> Seed, Option<int> Threads) Create(int defaultIterations = 0)
    {
        var iterations = new Option<int>("--mc")
        {
            Description = "Monte Carlo: draw every uncertain input this many times (e.g. 100000). 0 runs none.",
            DefaultValueFactory = _ => defaultIterations,
        };
        iterations.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--mc is a number of iterations, 0 or more.");
            }
        });
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the random draws: the same seed gives the same results, whatever the number of threads.",
            DefaultValueFactory = _ => 1,
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Threads to use for sampling (results do not depend on it). Default: all processors.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--threads is at least 1.");
            }
        });
        return (iterations, seed, threads);
    }

    public static MonteCarloOptions? Read(ParseResult parse, Option<int> iterations, Option<ulong> seed, Option<int> threads) =>
        parse.GetValue(iterations) is var n and > 0 ? new MonteCarloOptions(n, parse.GetValue(seed), parse.GetValue(threads)) : null;
}
