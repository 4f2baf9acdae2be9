using System.Globalization;
using System.Text.RegularExpressions;

namespace Cradle.Import.CodeCarbon;

/// <summary>Parses a row's cells into a <see cref="CodeCarbonRecord"/>, or reports each cell that is not what CodeCarbon writes.</summary>
internal static partial class RecordReader
{
    public static CodeCarbonRecord? Read(CodeCarbonRow row, CodeCarbonLayout layout, List<CodeCarbonProblem> problems)
    {
        var before = problems.Count;
        void Problem(string code, string column, string message) =>
            problems.Add(new CodeCarbonProblem(code, row.File, row.Line, column, message, []));

        double? Number(string column, string unit, bool required = false, bool mayBeNegative = false)
        {
            if (row.Text(column) is not { } text)
            {
                if (required)
                {
                    Problem("missing-value", column, $"the cell is empty; expected a number ({unit}).");
                }
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                Problem("bad-number", column, $"'{Printable(text)}' is not a number; expected a decimal number in {unit} (e.g. 0.0012 or 1.2e-05).");
                return null;
            }

            if (value < 0 && !mayBeNegative)
            {
                Problem("out-of-range", column, $"{text} is negative; expected a figure ≥ 0 in {unit}.");
                return null;
            }
            return value;
        }

        var (version, number) = Version(row, layout, Problem);
        var end = Timestamp(row, Problem);
        var duration = Number(CodeCarbonColumns.Duration, "s", required: true);
        var total = Number(CodeCarbonColumns.EnergyConsumed, "kWh");
        double? cpu = null, gpu = null, ram = null, cpuW = null, gpuW = null, ramW = null, ramGb = null;
        if (layout == CodeCarbonLayout.Version2Plus)
        {
            // A negative cpu_energy is a real CodeCarbon artefact (a RAPL counter that went backwards, codecarbon#309):
            // it is read here and labelled unavailable later, not refused with the whole file.
            cpu = Number(CodeCarbonColumns.CpuEnergy, "kWh", mayBeNegative: true);
            gpu = Number(CodeCarbonColumns.GpuEnergy, "kWh", mayBeNegative: true);
            ram = Number(CodeCarbonColumns.RamEnergy, "kWh", mayBeNegative: true);
            cpuW = Number(CodeCarbonColumns.CpuPower, "W");
            gpuW = Number(CodeCarbonColumns.GpuPower, "W");
            ramW = Number(CodeCarbonColumns.RamPower, "W");
            ramGb = Number(CodeCarbonColumns.RamTotalSize, "GB");
        }

        var pue = Number(CodeCarbonColumns.Pue, "a ratio ≥ 1");
        if (pue is < 1)
        {
            Problem("out-of-range", CodeCarbonColumns.Pue, $"{pue.Value.ToString(CultureInfo.InvariantCulture)} is below 1; a PUE is facility energy over IT energy, ≥ 1.");
        }

        int? gpuCount = null;
        if (row.Text(CodeCarbonColumns.GpuCount) is { } countText)
        {
            // Some writers print counts as floats ("1.0").
            if (double.TryParse(countText, NumberStyles.Float, CultureInfo.InvariantCulture, out var count) && count >= 0 && count == Math.Floor(count) && count < 100_000)
            {
                gpuCount = (int)count;
            }
            else
            {
                Problem("bad-number", CodeCarbonColumns.GpuCount, $"'{Printable(countText)}' is not a count; expected a whole number of GPUs ≥ 0.");
            }
        }

        if (problems.Count > before || end is not { } endLocal || duration is not { } seconds)
        {
            return null;
        }
        return new CodeCarbonRecord(row, version, number, endLocal, seconds, cpu, gpu, ram, total, cpuW, gpuW, ramW, pue, gpuCount, ramGb);
    }

    private static (string Version, Version Number) Version(CodeCarbonRow row, CodeCarbonLayout layout, Action<string, string, string> problem)
    {
        if (row.Text(CodeCarbonColumns.CodeCarbonVersion) is { } text)
        {
            var match = VersionPattern().Match(text);
            if (match.Success)
            {
                var patch = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
                return (text, new Version(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), patch));
            }
            problem("bad-number", CodeCarbonColumns.CodeCarbonVersion, $"'{Printable(text)}' is not a version; expected MAJOR.MINOR[.PATCH] as CodeCarbon writes it (e.g. 2.8.3).");
        }

        if (row.Has(CodeCarbonColumns.CodeCarbonVersion))
        {
            // The column is there but empty (files written by other tools, e.g. 'cradle runs export').
            return (CodeCarbonRecord.UnrecordedVersion, new Version(0, 0, 0));
        }

        // No version column: 2.0 and 2.1 wrote the 2.x columns without it (codecarbon_version came in 2.2.0); 1.x never had one.
        return layout == CodeCarbonLayout.Version1 ? ("1.x", new Version(1, 0, 0)) : ("2.0–2.1", new Version(2, 0, 0));
    }

    private static DateTime? Timestamp(CodeCarbonRow row, Action<string, string, string> problem)
    {
        if (row.Text(CodeCarbonColumns.Timestamp) is not { } text)
        {
            problem("missing-value", CodeCarbonColumns.Timestamp, "the cell is empty; expected the time CodeCarbon wrote the row (e.g. 2024-05-31T10:39:13).");
            return null;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }
        problem("bad-timestamp", CodeCarbonColumns.Timestamp, $"'{Printable(text)}' is not a time; expected YYYY-MM-DDTHH:MM:SS as CodeCarbon writes it (local time, no zone).");
        return null;
    }

    /// <summary>Cell text safe to echo on a terminal, cut to 60 characters.</summary>
    private static string Printable(string text)
    {
        var clean = new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
        return clean.Length > 60 ? clean[..60] + "…" : clean;
    }

    [GeneratedRegex(@"^v?(\d+)\.(\d+)(?:\.(\d+))?")]
    private static partial Regex VersionPattern();
}
