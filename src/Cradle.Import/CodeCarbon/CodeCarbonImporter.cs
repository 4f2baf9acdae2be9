using System.Globalization;
using Cradle.Catalog;
using Cradle.Store;

namespace Cradle.Import.CodeCarbon;

/// <summary>
/// Reads CodeCarbon <c>emissions.csv</c> files of any release from 1.x to 3.x (by header name) into runs for
/// <see cref="IRunStore.ImportRuns"/>: energy per component as IT energy (the PUE CodeCarbon applied divided out), each
/// component measured or modelled as the row shows, the site from the row's cloud region or country. Pure: it takes the
/// files' bytes and the catalog and touches nothing else. Any problem in any file means no runs at all.
/// </summary>
public static class CodeCarbonImporter
{
    /// <summary>Mean power above which a row's energy cannot have been drawn in its duration by one host, W.</summary>
    private const double ImplausibleWatts = 100_000;

    /// <summary>Reads <paramref name="files"/> into runs, or into the problems that stop the import.</summary>
    public static CodeCarbonImport Read(IReadOnlyList<CodeCarbonInput> files, CodeCarbonImportOptions options, ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<CodeCarbonProblem>();
        var notes = new List<string>();
        var placed = new List<PlacedRecord>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in files)
        {
            var (file, fileProblems) = CodeCarbonFile.Read(input.Name, input.Bytes);
            problems.AddRange(fileProblems);
            if (file is null)
            {
                continue;
            }

            // The same content twice in one call (a file named twice, or a copy) would count every row twice.
            if (seen.TryGetValue(file.Sha256, out var first))
            {
                problems.Add(new CodeCarbonProblem("duplicate-file", file.Name, 0, null,
                    $"the file has the same content (sha256 {file.Sha256[..12]}) as '{first}', given before it: its rows would be counted twice.", []));
                continue;
            }
            seen[file.Sha256] = file.Name;

            var records = new List<CodeCarbonRecord>();
            foreach (var row in file.Rows)
            {
                if (RecordReader.Read(row, file.Layout, problems) is { } record)
                {
                    records.Add(record);
                }
            }

            var cpuModelled = CpuModelDetector.Find(records);
            foreach (var record in records)
            {
                var site = SiteMapping.Of(record, catalog);
                if (options.SiteId is null && site.Note is { } note)
                {
                    notes.Add($"{file.Name}:{record.Row.Line}: {note}");
                }
                Check(file, record, notes);
                placed.Add(new PlacedRecord(file, record, cpuModelled.GetValueOrDefault(record), site, input.Directory));
            }
            RepeatedRunIds(file, records, notes);
        }

        if (problems.Count > 0)
        {
            return new CodeCarbonImport([], [], problems);
        }

        var runs = options.Group && placed.Count > 0
            ? [RunBuilder.Grouped(placed, options)]
            : placed.Select(p => RunBuilder.One(p, options)).ToList();
        return new CodeCarbonImport(runs, notes, []);
    }

    private static void Check(CodeCarbonFile file, CodeCarbonRecord record, List<string> notes)
    {
        if (record.TotalKwh is { } total && record.DurationSeconds > 0 && total * 3.6e6 / record.DurationSeconds > ImplausibleWatts)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{file.Name}:{record.Row.Line}: energy_consumed {total:G4} kWh in {record.DurationSeconds:0.#} s is {total * 3.6e3 / record.DurationSeconds:0.#} kW on average: ") +
                "the duration does not cover the energy (CodeCarbon's total row after task tracking); imported as written");
        }
    }

    private static void RepeatedRunIds(CodeCarbonFile file, List<CodeCarbonRecord> records, List<string> notes)
    {
        foreach (var group in records.Where(r => r.Row.Text(CodeCarbonColumns.RunId) is not null)
                     .GroupBy(r => r.Row.Text(CodeCarbonColumns.RunId), StringComparer.Ordinal)
                     .Where(g => g.Count() > 1 && !g.Any(r => r.Row.Has(CodeCarbonColumns.TaskName))))
        {
            notes.Add($"{file.Name}: run_id {group.Key} is on {group.Count()} rows (lines {string.Join(", ", group.Take(10).Select(r => r.Row.Line.ToString(CultureInfo.InvariantCulture)))}{(group.Count() > 10 ? ", …" : "")}): " +
                "CodeCarbon writes a row at every flush or stop of a tracker, so these may overlap; each is imported as its own run, check before adding them up");
        }
    }
}
