using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cradle.Import.CodeCarbon;

/// <summary>The layout family of a file, told by its columns (the header has no version of its own).</summary>
internal enum CodeCarbonLayout
{
    /// <summary>1.x: twelve columns with <c>experiment_id</c>, total energy only.</summary>
    Version1,
    /// <summary>2.0 and later: <c>run_id</c> and energy per component.</summary>
    Version2Plus,
}

/// <summary>A CodeCarbon CSV read into rows by header name, with the file's identity for provenance.</summary>
/// <param name="Name">The file as named on the command line.</param>
/// <param name="FileName">The file name without its folder (what the origin shows).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Layout">1.x or 2.x+ column set.</param>
/// <param name="Rows">The data rows, in file order.</param>
internal sealed record CodeCarbonFile(string Name, string FileName, string Sha256, CodeCarbonLayout Layout, IReadOnlyList<CodeCarbonRow> Rows)
{
    /// <summary>Reads <paramref name="bytes"/> (the content of <paramref name="name"/>); a file with problems gives no rows.</summary>
    public static (CodeCarbonFile? File, IReadOnlyList<CodeCarbonProblem> Problems) Read(string name, byte[] bytes)
    {
        var problems = new List<CodeCarbonProblem>();
        CodeCarbonProblem Whole(string code, string message) => new(code, name, 0, null, message, []);
        if (bytes.Length == 0)
        {
            return (null, [Whole("empty-file", "the file is empty; expected a CodeCarbon emissions.csv (a header line, then one row per run).")]);
        }

        string text;
        try
        {
            // Strict UTF-8: a binary or mis-encoded file is refused rather than read with replacement characters.
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, [Whole("not-text", "the file is not UTF-8 text; expected a CodeCarbon emissions.csv.")]);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return (null, [Whole("not-text", "the file contains NUL bytes (a binary file); expected a CodeCarbon emissions.csv.")]);
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => problems.Add(new CodeCarbonProblem("bad-csv", name, args.Context.Parser?.RawRow ?? 0, null,
                "a quote inside an unquoted field, or an unclosed quote: not valid CSV.", [])),
            DetectDelimiter = false,
        };
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        using var parser = new CsvParser(reader, config);
        if (!parser.Read())
        {
            return (null, [Whole("empty-file", "the file has no lines; expected a CodeCarbon emissions.csv header.")]);
        }

        var header = parser.Record!.Select(h => h.Trim()).ToArray();
        var layout = HeaderCheck.Check(name, header, problems);
        var rows = new List<CodeCarbonRow>();
        while (parser.Read())
        {
            var record = parser.Record!;
            // The first line of this row: RawRow is the row's last line (quoted fields may span lines; ours never do).
            var line = parser.RawRow;
            if (record.Length != header.Length)
            {
                problems.Add(new CodeCarbonProblem("field-count", name, line, null,
                    $"the row has {record.Length} fields but the header has {header.Length}: a truncated row, or one whose values are " +
                    "shifted (CodeCarbon 3.3 can write rows shorter than the header); the columns cannot be matched to their names.", []));
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                cells[header[i]] = record[i];
            }
            rows.Add(new CodeCarbonRow(name, line, cells));
        }

        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new CodeCarbonProblem("no-rows", name, 1, null, "the file has a header but no rows: nothing to import.", []));
        }

        if (problems.Count > 0 || layout is not { } found)
        {
            return (null, problems);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return (new CodeCarbonFile(name, Path.GetFileName(name), hash, found, rows), []);
    }
}
