using System.Globalization;
using System.Text.RegularExpressions;
using Cradle.Reports.Rendering;

namespace Cradle.Reports.Tests;

/// <summary>
/// An HTML id names one element: links (#chart-…), scripts and screen readers find the first only. The report used to
/// write id="chart-stage-shares" once per alternative and id="chart-distribution" once per category.
/// </summary>
public sealed partial class HtmlElementIdTests
{
    [Fact]
    public void Every_element_id_in_the_report_is_unique()
    {
        // The example results have three alternatives, each with Monte Carlo, so each kind of chart appears several times.
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ReportFormats.Write(ExampleResults.Model, "html", writer);
        var html = writer.ToString();

        var ids = ElementId().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var repeated = ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        Assert.Empty(repeated);
        Assert.Contains("chart-stage-shares-alt1", ids);
        Assert.Contains("chart-stage-shares-alt2", ids);
    }

    [GeneratedRegex("\\sid=\"([^\"]*)\"")]
    private static partial Regex ElementId();
}
