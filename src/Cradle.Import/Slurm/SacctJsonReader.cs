using System.Globalization;
using System.Text.Json;

namespace Cradle.Import.Slurm;

/// <summary>
/// Reads <c>sacct --json</c> (and slurmrestd's <c>/slurmdb/…/jobs</c>, the same <c>jobs[]</c> objects), from Slurm 21.08
/// (<c>dbv0.0.37</c>: <c>state.current</c> a string, plain numbers) to 25.11 (<c>v0.0.44</c>: lists and
/// <c>{"set", "infinite", "number"}</c> wrappers). Each job and each of its steps becomes a record with the field names
/// of the text output, so one path reads both.
/// </summary>
internal static class SacctJsonReader
{
    /// <exception cref="SlurmFormatException">Not JSON, or no <c>jobs</c> array.</exception>
    public static IReadOnlyList<SacctRow> Read(string file, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new SlurmFormatException(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                $"not valid JSON ({e.Message.Split(" Path:")[0]}); expected the output of sacct --json");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("jobs", out var jobs) || jobs.ValueKind != JsonValueKind.Array)
            {
                throw new SlurmFormatException(file, 1, 1, "no 'jobs' array at the top level; expected the output of sacct --json");
            }
            var rows = new List<SacctRow>();
            var index = 0;
            foreach (var job in jobs.EnumerateArray())
            {
                var where = $"jobs[{index}]";
                rows.Add(Row(job, where, Text(job, "job_id"), isStep: false));
                if (job.TryGetProperty("steps", out var steps) && steps.ValueKind == JsonValueKind.Array)
                {
                    var s = 0;
                    foreach (var step in steps.EnumerateArray())
                    {
                        var id = step.TryGetProperty("step", out var stepInfo) ? Text(stepInfo, "id") : "";
                        rows.Add(Row(step, $"{where}.steps[{s++}]", id, isStep: true));
                    }
                }
                index++;
            }
            return rows;
        }
    }

    private static SacctRow Row(JsonElement job, string where, string jobId, bool isStep)
    {
        var cells = new Dictionary<string, SacctCell>(StringComparer.OrdinalIgnoreCase);
        void Add(string field, string value, string path) => cells[field] = new SacctCell(field, value, $"{where}.{path}");
        Add(SacctFields.JobId, jobId, isStep ? "step.id" : "job_id");
        Add(SacctFields.JobName, isStep && job.TryGetProperty("step", out var st) ? Text(st, "name") : Text(job, "name"), "name");
        Add(SacctFields.State, State(job), "state.current");
        var time = job.TryGetProperty("time", out var t) ? t : default;
        Add(SacctFields.Start, Epoch(time, "start"), "time.start");
        Add(SacctFields.End, Epoch(time, "end"), "time.end");
        Add(SacctFields.ElapsedRaw, Number(time, "elapsed"), "time.elapsed");
        Add(SacctFields.NodeList, job.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Object
            ? Text(nodes, "range") : Text(job, "nodes"), "nodes");
        Add(SacctFields.AllocTres, Tres(job), "tres.allocated");
        Add(SacctFields.ExitCode, ExitCode(job), "exit_code");
        return new SacctRow(1, where, cells);
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!.Trim(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Object => Number(element, name),
                _ => "",
            }
            : "";

    /// <summary>A number, plain or wrapped as {"set": true, "number": N} (unset or infinite: empty).</summary>
    private static string Number(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return "";
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            var set = value.TryGetProperty("set", out var s) && s.ValueKind == JsonValueKind.True;
            var infinite = value.TryGetProperty("infinite", out var i) && i.ValueKind == JsonValueKind.True;
            return set && !infinite && value.TryGetProperty("number", out var n) ? n.GetRawText() : "";
        }
        return value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "";
    }

    /// <summary>An epoch time as ISO 8601 UTC; 0 (Slurm's "not yet") as "Unknown".</summary>
    private static string Epoch(JsonElement time, string name)
    {
        var text = Number(time, name);
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "Unknown";
    }

    private static string State(JsonElement job)
    {
        if (!job.TryGetProperty("state", out var state))
        {
            return "";
        }
        var current = state.ValueKind == JsonValueKind.Object && state.TryGetProperty("current", out var c) ? c : state;
        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString()!,
            JsonValueKind.Array => string.Join(",", current.EnumerateArray().Select(e => e.GetString())),
            _ => "",
        };
    }

    /// <summary>tres.allocated as AllocTRES text: cpu=4,gres/gpu=1 or gres/gpu:a100=2 (a name "gpu:a100" carries the type).</summary>
    private static string Tres(JsonElement job)
    {
        if (!job.TryGetProperty("tres", out var tres) || !tres.TryGetProperty("allocated", out var allocated)
            || allocated.ValueKind != JsonValueKind.Array)
        {
            return "";
        }
        var items = new List<string>();
        foreach (var entry in allocated.EnumerateArray())
        {
            var type = Text(entry, "type");
            var name = Text(entry, "name");
            var count = Text(entry, "count");
            var key = name.Length > 0 && type.Length > 0 ? $"{type}/{name}" : type;
            if (key.Length > 0)
            {
                items.Add($"{key}={count}");
            }
        }
        return string.Join(",", items);
    }

    private static string ExitCode(JsonElement job)
    {
        if (!job.TryGetProperty("exit_code", out var exit) || exit.ValueKind != JsonValueKind.Object)
        {
            return "";
        }
        var code = Number(exit, "return_code");
        var signal = exit.TryGetProperty("signal", out var s) && s.ValueKind == JsonValueKind.Object
            && s.TryGetProperty("id", out _) ? Number(s, "id") : "";
        return code.Length == 0 ? "" : $"{code}:{(signal.Length == 0 ? "0" : signal)}";
    }
}
