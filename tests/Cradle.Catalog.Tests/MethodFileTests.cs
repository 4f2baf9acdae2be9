namespace Cradle.Catalog.Tests;

/// <summary>A user's impact-method file: factors must be finite numbers, category and flow ids unique.</summary>
public sealed class MethodFileTests
{
    private const string Method = """
        catalog: 1
        kind: method
        flows:
          - {id: my-flow-air, name: My flow, compartment: air, unit: kg}
        entries:
          - id: my-method
            name: My method
            source: our-meter-2026
            year: 2026
            categories:
              - id: my-gwp
                name: My GWP
                unit: kg CO2 eq
                factors: {my-flow-air: 2}
        """;

    [Fact]
    public void The_valid_method_file_loads()
    {
        Assert.NotNull(UserFiles.Load(UserFiles.Bibliography, Method));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    public void A_factor_that_is_not_a_finite_number_is_refused_at_the_factor(string factor)
    {
        var text = Method.Replace("{my-flow-air: 2}", $"{{my-flow-air: {factor}}}", StringComparison.Ordinal);
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text));
        Assert.Equal("not-a-number", error.Code);
        Assert.Equal("entries[0].categories[0].factors.my-flow-air", error.Field);
        Assert.Contains($"finite number", error.Message, StringComparison.Ordinal);
        Assert.Equal("user1.yaml", error.Location!.File);
        Assert.Equal(UserFiles.Find(text, factor + "}"), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Two_categories_with_one_id_are_refused_at_the_second()
    {
        var text = Method + "\n      - id: my-gwp\n        name: Again\n        unit: kg CO2 eq\n        factors: {my-flow-air: 3}\n";
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text));
        Assert.Equal("duplicate-id", error.Code);
        Assert.Equal("entries[0].categories[1].id", error.Field);
        Assert.Equal(UserFiles.Find(text, "my-gwp\n        name: Again").Line, error.Location!.Line);
    }

    private const string NotCovered = "\n    not_covered:\n      - {id: my-toxicity, name: My toxicity (CTUh), reason: no factors}\n";

    [Fact]
    public void Categories_a_method_does_not_cover_load_with_their_reason()
    {
        var catalog = UserFiles.Load(UserFiles.Bibliography, Method + NotCovered);
        var method = catalog.Method("my-method")!;
        var category = Assert.Single(method.NotCovered);
        Assert.Equal(("my-toxicity", "My toxicity (CTUh)", "no factors"), (category.Id, category.Name, category.Reason));
    }

    [Fact]
    public void A_not_covered_category_that_the_method_covers_is_refused()
    {
        var text = Method + NotCovered.Replace("my-toxicity", "my-gwp", StringComparison.Ordinal);
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text));
        Assert.Equal("duplicate-id", error.Code);
        Assert.Equal("entries[0].not_covered[0].id", error.Field);
    }

    [Fact]
    public void Two_flows_with_one_id_are_refused_at_the_second()
    {
        var text = Method.Replace("entries:\n", "  - {id: my-flow-air, name: Again, compartment: air, unit: kg}\nentries:\n", StringComparison.Ordinal);
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text));
        Assert.Equal("duplicate-id", error.Code);
        Assert.Equal("flows[1].id", error.Field);
        Assert.Equal(UserFiles.Find(text, "Again").Line, error.Location!.Line);
    }
}

/// <summary>Numbers in catalog messages are written in one invariant form.</summary>
public sealed class CatalogMessageNumberTests
{
    [Fact]
    public void An_implausible_value_is_written_without_dotnet_exponents()
    {
        var text = UserFiles.Datacentre.Replace("value: 1.6", "value: 1e20", StringComparison.Ordinal);
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "implausible-value");
        Assert.StartsWith("1e20 is outside the plausible", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("E+", error.Message, StringComparison.Ordinal);
    }
}
