namespace Cradle.Catalog.Tests;

/// <summary>A user catalog file is read by the same YAML loader as a study: the same limits, the same places.</summary>
public sealed class CatalogYamlStructureTests
{
    [Fact]
    public void Nesting_thirty_thousand_levels_deep_is_too_deep_not_a_stack_overflow()
    {
        var text = UserFiles.Datacentre + "\nnote: " + new string('[', 30_000) + new string(']', 30_000) + "\n";
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "too-deep");
        Assert.NotNull(error.Location);
        Assert.Equal(UserFiles.Datacentre.Split('\n').Length + 1, error.Location!.Line);
    }

    [Fact]
    public void A_second_document_is_refused_at_its_line()
    {
        var text = UserFiles.Datacentre + "\n---\ncatalog: 1\n";
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "multiple-documents");
        Assert.Equal(UserFiles.Datacentre.Split('\n').Length + 1, error.Location!.Line);
    }

    [Fact]
    public void An_unclosed_flow_list_is_malformed_yaml_at_a_place()
    {
        var text = UserFiles.Datacentre.Replace("aliases: [Lab DC]", "aliases: [Lab DC", StringComparison.Ordinal);
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "malformed-yaml");
        Assert.NotNull(error.Location);
    }
}
