using System.Globalization;
using Cradle.Core.Units;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Reading;

/// <summary>
/// Reads <c>delivers:</c> (at the top of the study, or in an alternative): the measured quality and latency the system
/// gives, each a datum with its source, checked against the shape of the functional unit's constraints.
/// </summary>
internal static class DeliveryReader
{
    private static readonly string[] QualityKeys = ["benchmark", "metric", "value", "provenance", "source", "note"];
    private static readonly string[] LatencyKeys = ["percentile", "value", "provenance", "source", "note"];

    /// <summary>Reads <c>delivers</c> of <paramref name="parent"/>, or null when absent.</summary>
    public static DeliveredService? Read(MappingReader parent)
    {
        if (parent.Mapping("delivers") is not { } node)
        {
            return null;
        }
        var path = MappingReader.Join(parent.Path, "delivers");
        var delivers = new MappingReader(node, path, parent.File, parent.Problems, ["quality", "latency"], "what the system is shown to deliver");
        return new DeliveredService(ReadQuality(delivers), ReadLatency(delivers));
    }

    private static DeliveredQuality? ReadQuality(MappingReader delivers)
    {
        if (delivers.Mapping("quality") is not { } node)
        {
            return null;
        }
        var path = MappingReader.Join(delivers.Path, "quality");
        var q = new MappingReader(node, path, delivers.File, delivers.Problems, QualityKeys, "a measured benchmark score");
        q.Require("benchmark", "the benchmark the score is on, as the functional unit names it (e.g. 'GSM8K')");
        q.Require("source", "where the score was measured or published");
        var score = DatumReader.FromMapping(q, null);
        var benchmark = q.Text("benchmark");
        if (score is null || benchmark is null || !q.Has("source"))
        {
            return null;
        }
        if (!double.TryParse(score.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            q.Problems.Error("not-a-number", score.Location, $"{path}.value",
                $"expected the score as a finite number (e.g. 0.74), found '{Printable.Escape(score.Text)}'.");
            return null;
        }
        return new DeliveredQuality(benchmark, q.Text("metric"), score, value, path);
    }

    private static DeliveredLatency? ReadLatency(MappingReader delivers)
    {
        if (delivers.Mapping("latency") is not { } node)
        {
            return null;
        }
        var path = MappingReader.Join(delivers.Path, "latency");
        var l = new MappingReader(node, path, delivers.File, delivers.Problems, LatencyKeys, "a measured latency percentile");
        l.Require("percentile", "the percentile measured, e.g. 95");
        l.Require("source", "where the latency was measured or published");
        var latency = DatumReader.FromMapping(l, null);
        var percentile = l.Number("percentile");
        if (percentile is { } p && p is <= 0 or > 100)
        {
            l.Problems.Error("out-of-range", l.LocationOf("percentile"), $"{path}.percentile", "a percentile is above 0 and at most 100 (e.g. 95).");
            return null;
        }
        if (latency is null || percentile is null || !l.Has("source"))
        {
            return null;
        }
        if (Seconds(latency.Text) is not { } seconds)
        {
            l.Problems.Error("unit-mismatch", latency.Location, $"{path}.value",
                $"expected a time such as '1.4 s' or '800 ms', found '{Printable.Escape(latency.Text)}'.");
            return null;
        }
        return new DeliveredLatency(percentile.Value, latency, seconds, path);
    }

    /// <summary>A time in seconds, or null when <paramref name="text"/> is not a non-negative time.</summary>
    public static double? Seconds(string text) =>
        Quantity.TryParse(text, out var quantity, out _) && quantity.Dimension == Dimension.Time && quantity.BaseValue >= 0 && double.IsFinite(quantity.BaseValue)
            ? quantity.BaseValue
            : null;
}
