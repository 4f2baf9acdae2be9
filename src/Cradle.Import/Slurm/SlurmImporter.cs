using System.Security.Cryptography;
using System.Text;

namespace Cradle.Import.Slurm;

/// <summary>
/// Reads one file of sacct output (parsable text or --json) into runs. Pure: it reads the text it is given and
/// returns data; the caller stores the runs (one transaction per file) and prints the summary.
/// </summary>
public static class SlurmImporter
{
    /// <summary>Reads <paramref name="bytes"/>, the content of <paramref name="file"/>.</summary>
    /// <param name="file">The file as named on the command line (its name, without folders, goes into each origin).</param>
    /// <param name="bytes">The whole file.</param>
    /// <param name="options">Reading and modelling options.</param>
    /// <exception cref="SlurmFormatException">The file is not sacct output the importer can read: nothing of it is imported.</exception>
    public static SlurmImportResult Read(string file, byte[] bytes, SlurmImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new SlurmFormatException(file, 1, 1, $"not UTF-8 text (byte {e.Index} of the file); expected sacct output");
        }
        text = text.TrimStart('\uFEFF');
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var json = text.TrimStart().StartsWith('{');
        var rows = json ? SacctJsonReader.Read(file, text) : SacctTextReader.Read(file, text, options.Delimiter, options.Fields);
        var reader = new SlurmJobReader(file, options.TimeZone);
        var jobs = reader.Read(rows);
        var skipped = reader.Skipped.ToList();
        var builder = new SlurmRunBuilder(options, $"slurm sacct: {Path.GetFileName(file)} (sha256 {sha[..12]})");
        var runs = new List<Store.ImportedRun>();
        var summaries = new List<SlurmJobSummary>();
        foreach (var job in jobs)
        {
            if (builder.Build(job, out var why) is { } built)
            {
                runs.Add(built.Run);
                summaries.Add(built.Summary);
            }
            else
            {
                var tres = job.Row.FirstNonEmpty(SacctFields.AllocTres, SacctFields.AllocGres, SacctFields.ReqGres);
                skipped.Add(new SkippedRecord(file, job.Row.Line, job.Row.Where, tres?.Column, job.Row.Cell(SacctFields.JobId)!.Text, why!));
            }
        }
        skipped.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : string.CompareOrdinal(a.Where, b.Where));
        return new SlurmImportResult(file, sha, json ? "sacct --json" : "sacct parsable text", runs, summaries, skipped);
    }
}
