using Cradle.Syntax;

namespace Cradle.Studies.Tests.Reading;

/// <summary>How a problem reads on one line: place, severity, code, field, message — escaped, with no empty field.</summary>
public sealed class ProblemTextTests
{
    [Fact]
    public void A_problem_with_a_field_names_it()
    {
        var problem = new InputProblem("unknown-key", Severity.Error, new SourceLocation("s.yaml", 3, 5), "sites.x.pu", "'pu' is not a field.");
        Assert.Equal("s.yaml:3:5: error [unknown-key] sites.x.pu: 'pu' is not a field.", problem.ToString());
    }

    [Fact]
    public void A_problem_of_the_whole_file_has_no_empty_field()
    {
        var problem = new InputProblem("multiple-documents", Severity.Error, new SourceLocation("s.yaml", 9, 1), "", "a second YAML document starts here.");
        Assert.Equal("s.yaml:9:1: error [multiple-documents] a second YAML document starts here.", problem.ToString());
    }

    [Fact]
    public void Control_characters_from_the_file_are_escaped_in_every_part()
    {
        var problem = new InputProblem("gwp-missing", Severity.Warning, new SourceLocation("a\u001bb.yaml", 1, 1), "grids.g\u0000", "no figure for \u001b[31mred");
        Assert.Equal("a\\u001bb.yaml:1:1: warning [gwp-missing] grids.g\\u0000: no figure for \\u001b[31mred", problem.ToString());
    }
}
