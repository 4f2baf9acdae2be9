using System.Globalization;
using Cradle.Store;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Runs;

/// <summary>What a request asks of the runs, read from its query string: a value out of range is a problem naming the
/// parameter and the valid values (answered 400 <c>bad-query</c>), never clamped.</summary>
internal static class RunQuery
{
    /// <summary>The runs a list shows when no limit is given, and the most it may ask for.</summary>
    public const int DefaultRunLimit = 100, MaxRunLimit = 1000;

    /// <summary>The samples one answer carries when no limit is given, and the most it may ask for.</summary>
    public const int DefaultSampleLimit = 5000, MaxSampleLimit = 50000;

    // Filter values are names (hosts, models, tags): longer text is no name, and is not worth a query.
    private const int MaxValueLength = 256;

    /// <summary>The statuses a filter may name.</summary>
    public static readonly string[] Statuses = ["running", "complete", "interrupted", "failed"];

    private static readonly string[] TextParameters = ["job", "host", "model", "tag"];

    /// <summary>The filter of <c>GET /api/runs</c> and <c>/runs</c>; null with the problem when a value is invalid.</summary>
    public static RunFilter? Filter(IQueryCollection query, out string? problem)
    {
        problem = null;
        RunStatus? status = null;
        if (Value(query, "status") is { } statusText)
        {
            status = statusText switch
            {
                "running" => RunStatus.Running,
                "complete" => RunStatus.Complete,
                "interrupted" => RunStatus.Interrupted,
                "failed" => RunStatus.Failed,
                _ => null,
            };
            if (status is null)
            {
                problem = $"status must be one of {string.Join(", ", Statuses)}.";
                return null;
            }
        }

        if (Limit(query, "limit", DefaultRunLimit, MaxRunLimit, out problem) is not { } limit)
        {
            return null;
        }

        foreach (var name in TextParameters)
        {
            if (Value(query, name) is { Length: > MaxValueLength })
            {
                problem = $"{name} is at most {MaxValueLength} characters.";
                return null;
            }
        }

        return new RunFilter(Status: status, Host: Value(query, "host"), Model: Value(query, "model"), Limit: limit,
            JobId: Value(query, "job"), Tag: Value(query, "tag"));
    }

    /// <summary>A positive integer parameter up to <paramref name="max"/>, <paramref name="fallback"/> when absent;
    /// null with the problem when invalid.</summary>
    public static int? Limit(IQueryCollection query, string name, int fallback, int max, out string? problem)
    {
        problem = null;
        if (Value(query, name) is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)
        {
            return n;
        }

        problem = string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from 1 to {max}.");
        return null;
    }

    /// <summary>An offset in seconds (<c>after</c>): finite; -1 (before the first sample) when absent.</summary>
    public static double? Offset(IQueryCollection query, string name, out string? problem)
    {
        problem = null;
        if (Value(query, name) is not { } text)
        {
            return -1;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x))
        {
            return x;
        }

        problem = $"{name} must be an offset in seconds (a finite number, e.g. 12.5).";
        return null;
    }

    /// <summary>The parameter's value; null when absent or empty (an empty form field means "any").</summary>
    public static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
