namespace Cradle.Import.Slurm;

/// <summary>
/// Reads sacct's parsable text: <c>-P</c>/<c>--parsable2</c> (fields separated by the delimiter) or <c>-p</c>
/// (<c>--parsable</c>, the same with a delimiter ending every line), with a header line naming the fields, or with
/// <c>--noheader</c> when the caller gives the fields as passed to <c>sacct --format</c>. Fields are read by name, never
/// by position. A file it cannot read whole is refused with its line and column.
/// </summary>
internal static class SacctTextReader
{
    /// <summary>The records of <paramref name="text"/>.</summary>
    /// <param name="file">The file as named on the command line, for messages.</param>
    /// <param name="text">The whole file.</param>
    /// <param name="delimiter">The field separator (sacct's default "|", or what --delimiter gave).</param>
    /// <param name="fields">The field names for a file without a header (a file with one uses its own); null to
    /// require a header.</param>
    /// <exception cref="SlurmFormatException">The file is empty, has no header and no fields were given, lacks a
    /// required field, or a line has the wrong number of fields.</exception>
    public static IReadOnlyList<SacctRow> Read(string file, string text, string delimiter, IReadOnlyList<string>? fields)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        if (lines.Count == 0)
        {
            throw new SlurmFormatException(file, 1, 1, "the file is empty; expected sacct output (sacct -P, or sacct --json)");
        }
        var first = lines[0].Split(delimiter);
        var hasHeader = SacctFields.LooksLikeHeader(first);
        var names = Names(file, first, hasHeader, fields, delimiter);
        var trailing = TrailingDelimiter(lines, hasHeader ? 1 : 0, names.Count, delimiter);
        var rows = new List<SacctRow>();
        for (var i = hasHeader ? 1 : 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            var cells = Cells(file, i + 1, lines[i], delimiter, names, trailing);
            rows.Add(new SacctRow(i + 1, $"line {i + 1}", cells));
        }
        return rows;
    }

    private static IReadOnlyList<string> Names(string file, string[] first, bool hasHeader, IReadOnlyList<string>? fields, string delimiter)
    {
        IReadOnlyList<string> names;
        if (hasHeader)
        {
            // A header names the fields itself: --fields is for the files of an import written with --noheader.
            names = first.Length > 1 && first[^1].Length == 0 ? first[..^1] : first;
        }
        else if (fields is null)
        {
            var hint = first.Length == 1
                ? $"no field of line 1 is separated by '{delimiter}': wrong --delimiter, or not sacct output"
                : "line 1 is not a header naming the fields (JobID|JobName|…)";
            throw new SlurmFormatException(file, 1, 1,
                $"{hint}; expected sacct -P output with its header, or give --fields as passed to 'sacct --format' for output written with --noheader");
        }
        else
        {
            names = fields;
        }
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SlurmFormatException(file, 1, 1, $"the field {duplicate.Key} is named twice");
        }
        var missing = SacctFields.Missing(names.ToList());
        if (missing.Count > 0)
        {
            throw new SlurmFormatException(file, 1, 1,
                $"the output has no field {string.Join(", no field ", missing)} (it names {string.Join(",", names)}); " +
                "a run needs the job, its state, its start and its elapsed time: rerun sacct with " +
                "--format=JobID,State,Start,End,Elapsed,NodeList,AllocTRES,ConsumedEnergyRaw,ExitCode (and -P)");
        }
        return names;
    }

    /// <summary>sacct -p ends every line with the delimiter: then each line splits into one part more, the last empty.</summary>
    private static bool TrailingDelimiter(List<string> lines, int from, int count, string delimiter)
    {
        var data = lines.Skip(from).Where(l => l.Length > 0).ToList();
        return data.Count > 0 && data.All(l => l.EndsWith(delimiter, StringComparison.Ordinal) && l.Split(delimiter).Length == count + 1);
    }

    private static Dictionary<string, SacctCell> Cells(
        string file, int line, string text, string delimiter, IReadOnlyList<string> names, bool trailing)
    {
        var parts = text.Split(delimiter);
        if (trailing)
        {
            parts = parts[..^1];
        }
        if (parts.Length > names.Count && names[^1].Equals(SacctFields.JobName, StringComparison.OrdinalIgnoreCase))
        {
            // A job name may contain the delimiter; sacct does not escape it, so tools put JobName last (sonar does):
            // the surplus belongs to the name.
            parts = [.. parts[..(names.Count - 1)], string.Join(delimiter, parts[(names.Count - 1)..])];
        }
        if (parts.Length != names.Count)
        {
            var column = Math.Min(parts.Length, names.Count) + 1;
            throw new SlurmFormatException(file, line, column,
                $"expected {names.Count} fields separated by '{delimiter}' ({(names.Count > 0 ? names[0] : "")}…{names[^1]}), found {parts.Length}: a truncated or altered row");
        }
        var cells = new Dictionary<string, SacctCell>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            cells[names[i]] = new SacctCell(names[i], parts[i].Trim(), $"column {i + 1} ({names[i]})", i + 1);
        }
        return cells;
    }
}
