using System.CommandLine;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Commands;

/// <summary>The --reference and --all-pairs options, shared by <c>compare</c> and <c>assess --mc</c>.</summary>
internal static class ComparisonPairsOptionSet
{
    /// <summary>Creates the two options.</summary>
    public static (Option<string?> Reference, Option<bool> AllPairs) Create() =>
        (new Option<string?>("--reference")
        {
            Description = $"Compare each alternative with this one (its id, as the comparison labels it). With more than {ComparisonPairs.AllPairsUpTo} "
                + "alternatives that is the default, against the first.",
            HelpName = "ID",
        },
        new Option<bool>("--all-pairs")
        {
            Description = $"Compare every pair of alternatives, however many (with more than {ComparisonPairs.AllPairsUpTo}, only each against the "
                + "reference is compared unless this is given; the pairs grow with the square of the alternatives).",
        });

    /// <summary>The pairs the parsed options ask for.</summary>
    public static ComparisonPairs Read(ParseResult parse, Option<string?> reference, Option<bool> allPairs) =>
        new(parse.GetValue(allPairs), parse.GetValue(reference));
}
