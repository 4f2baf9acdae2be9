namespace Cradle.Core.Tests;

public class NameSuggestionsTests
{
    private static readonly string[] Products = ["electricity", "gpu-hour", "training-run", "request", "embodied-gpu"];

    [Theory]
    [InlineData("kitten", "sitting", 3)]      // k→s, e→i, +g
    [InlineData("electricty", "electricity", 1)]
    [InlineData("gpu-huor", "gpu-hour", 1)]   // an adjacent transposition counts once
    [InlineData("", "kWh", 3)]
    [InlineData("kWh", "kWh", 0)]
    public void Distance_counts_edits_with_adjacent_swaps_as_one(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggestions.Distance(a, b));
        Assert.Equal(expected, NameSuggestions.Distance(b, a));
    }

    [Fact]
    public void The_closest_names_come_first_and_case_is_ignored()
    {
        Assert.Equal(["request"], NameSuggestions.Closest("Requests", Products));
        Assert.Equal("electricity", NameSuggestions.Closest("ELECTRICTY", Products)[0]);
    }

    [Fact]
    public void A_name_contained_in_a_longer_one_is_suggested_even_when_far()
    {
        // "gpu" is 9 edits from "embodied-gpu" but is part of it
        Assert.Equal(["gpu-hour", "embodied-gpu"], NameSuggestions.Closest("gpu", Products));
    }

    [Fact]
    public void Nothing_close_gives_an_empty_hint()
    {
        Assert.Equal("", NameSuggestions.Hint("water", Products));
    }

    [Fact]
    public void At_most_three_names_are_suggested()
    {
        string[] many = ["co2a", "co2b", "co2c", "co2d"];

        Assert.Equal(" (did you mean 'co2a', 'co2b', 'co2c'?)", NameSuggestions.Hint("co2", many));
    }
}
