using System.CommandLine;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Commands;

/// <summary>The --reference, --all-pairs and --pair options, shared by <c>compare</c> and <c>assess --mc</c>.</summary>
internal static class ComparisonPairsOptionSet
{
    /// <summary>Creates the three options.</summary>
    public static (Option<string?> Reference, Option<bool> AllPairs, Option<string[]> Pair) Create()
    {
        var pair = new Option<string[]>("--pair")
        {
            Description = "Compare these two alternatives, A − B and P(A < B) (their ids, as the comparison labels them, separated by a comma); "
                + "repeatable, and then only the pairs given are compared, in the order given.",
            HelpName = "A,B",
            AllowMultipleArgumentsPerToken = false,
        };
        pair.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (Split(token.Value) is null)
                {
                    result.AddError($"--pair expects two alternative ids separated by a comma, such as --pair offline-batching,poisson-8rps; got '{token.Value}'.");
                }
            }
        });
        return (new Option<string?>("--reference")
        {
            Description = $"Compare each alternative with this one (its id, as the comparison labels it). With more than {ComparisonPairs.AllPairsUpTo} "
                + "alternatives that is the default, against the first.",
            HelpName = "ID",
        },
        new Option<bool>("--all-pairs")
        {
            Description = $"Compare every pair of alternatives, however many (with more than {ComparisonPairs.AllPairsUpTo}, only each against the "
                + "reference is compared unless this is given; the pairs grow with the square of the alternatives).",
        },
        pair);
    }

    /// <summary>The pairs the parsed options ask for.</summary>
    public static ComparisonPairs Read(ParseResult parse, Option<string?> reference, Option<bool> allPairs, Option<string[]> pair) =>
        new(parse.GetValue(allPairs), parse.GetValue(reference))
        {
            Chosen = [.. (parse.GetValue(pair) ?? []).Select(p => Split(p)!.Value)],
        };

    /// <summary>"A,B" as (A, B), each trimmed; null unless there are exactly two ids, neither empty.</summary>
    private static (string A, string B)? Split(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? (parts[0], parts[1]) : null;
    }
}
