namespace Cradle.Core.Tests;

/// <summary>
/// The suggestion search is bounded: a very long unknown name is compared with nothing (it is no typo), and a
/// candidate far longer or shorter than the name is skipped, so the search ends quickly whatever it is given.
/// </summary>
public class BoundedSuggestionTests
{
    private static readonly string[] Units = ["kWh", "MWh", "request", "kg CO2 eq", "device"];

    [Fact]
    public void A_million_character_name_gets_no_suggestions()
    {
        var name = new string('k', 1_000_000);

        Assert.Empty(NameSuggestions.Closest(name, Units));
        Assert.Equal("", NameSuggestions.Hint(name, Units));
    }

    [Fact]
    public void A_million_character_name_made_of_a_valid_one_gets_no_suggestions()
    {
        // Even a name that contains a valid one is not a typo of it at this length.
        var name = string.Concat(Enumerable.Repeat("kWh", 333_334));

        Assert.Empty(NameSuggestions.Closest(name, Units));
    }

    [Fact]
    public void A_name_at_the_length_limit_is_still_compared()
    {
        var candidate = new string('a', NameSuggestions.MaxNameLength - 1) + "b";
        var name = new string('a', NameSuggestions.MaxNameLength);

        Assert.Equal([candidate], NameSuggestions.Closest(name, [candidate, "kWh"]));
    }

    [Fact]
    public void A_short_name_is_compared_with_a_very_long_candidate_without_error()
    {
        var huge = new string('x', 1_000_000);

        Assert.Equal(["kWh"], NameSuggestions.Closest("kwh", [huge, "kWh"]));
    }

    [Theory]
    [InlineData("kitten", "sitting")]
    [InlineData("electricty", "electricity")]
    [InlineData("gpu-huor", "gpu-hour")]
    [InlineData("abcdef", "badcfe")]   // three transpositions
    [InlineData("", "kWh")]
    [InlineData("request", "tseuqer")]
    public void The_row_by_row_distance_agrees_with_the_full_table(string a, string b)
    {
        Assert.Equal(FullTable(a, b), NameSuggestions.Distance(a, b));
    }

    [Fact]
    public void Random_pairs_agree_with_the_full_table()
    {
        var random = new Random(8);
        for (var n = 0; n < 2_000; n++)
        {
            var a = RandomWord(random);
            var b = RandomWord(random);
            Assert.Equal(FullTable(a, b), NameSuggestions.Distance(a, b));
            // Whatever a bounded search stops at, a suggestion is made exactly when the full distance allows it.
            var limit = Math.Max(2, a.Length / 2);
            var suggested = NameSuggestions.Closest(a, [b]).Count == 1;
            Assert.Equal(FullTable(a, b.ToLowerInvariant()) <= limit || b.Contains(a, StringComparison.OrdinalIgnoreCase), suggested);
        }
    }

    private static string RandomWord(Random random) =>
        new([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => "abc"[random.Next(3)])]);

    /// <summary>The optimal-string-alignment distance by the whole table, as the textbook writes it.</summary>
    private static int FullTable(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + cost);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
