using Cradle.Studies;
using Cradle.Studies.Assessment;
using Cradle.Syntax;

namespace Cradle.Studies.Tests.Support;

/// <summary>
/// A small complete study whose results are easy to derive by hand, and helpers to vary it and to locate text in it.
/// One GPU type (400 W, 100 kg CO2e embodied) in nodes of 4, lifespan 2 years at 50 % utilisation; one grid
/// (0.5 kg CO2e/kWh, 2 L/kWh); one site (PUE 1.5, WUE 0.25 L/kWh); pre-training 1,000 kWh and 2,000 GPU-hours;
/// serving 0.002 kWh and 1 s of GPU per request; 10⁶ lifetime requests; functional unit: one request.
/// </summary>
internal static class TinyStudy
{
    public const string File = "tiny.yaml";

    public const string Text = """
        cradle: 1
        name: tiny
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1 request
          description: one answered request
        system_boundary:
          included: [pre-training, inference, hardware-manufacture]
        impact_categories: [gwp100, water]
        devices:
          gpu:
            power: 400 W
            embodied:
              gwp100: 100 kg CO2e
              water: 50 L
        hardware:
          fleet:
            device: gpu
            per_node: 4
            lifespan: 2 year
            utilisation: 0.5
        grids:
          g:
            basis: life-cycle
            per_kwh:
              gwp100: 0.5 kg CO2e/kWh
              water: 2 L/kWh
        sites:
          s:
            grid: g
            pue: 1.5
            wue: 0.25 L/kWh
        stages:
          pre-training:
            hardware: fleet
            site: s
            energy: 1000 kWh
            device_time: 2000 h
        inference:
          hardware: fleet
          site: s
          lifetime_requests: 1e6 request
          energy_per_request: 0.002 kWh/request
          device_time_per_request: 1 s/request
        """;

    public static StudyAssessment Assess(string text = Text) => StudyAssessor.Assess(text, File);

    /// <summary>The text with one exact substring replaced (fails loudly if absent, so tests cannot silently pass).</summary>
    public static string With(string oldText, string newText, string text = Text)
    {
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return text.Replace(oldText, newText, StringComparison.Ordinal);
    }

    /// <summary>1-based line and column where <paramref name="needle"/> starts in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Find(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{needle}' not in the study text");
        var before = text[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }

    /// <summary>The errors of a study that must fail.</summary>
    public static IReadOnlyList<InputProblem> Errors(string text) =>
        Assert.Throws<StudyException>(() => Assess(text)).Problems;

    /// <summary>The single error with <paramref name="code"/>, asserting there is exactly one.</summary>
    public static InputProblem Error(string text, string code)
    {
        var errors = Errors(text);
        return Assert.Single(errors, e => e.Code == code);
    }

    public static double Total(StudyAssessment assessment, string category, int alternative = 0)
    {
        var a = assessment.Alternatives[alternative];
        var k = a.Categories.Select(c => c.Id).ToList().IndexOf(category);
        Assert.True(k >= 0, $"no category {category}");
        return a.Totals[k];
    }
}
