using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cradle.Trends.Epoch;

/// <summary>
/// Reads Epoch AI's "Notable AI Models" CSV as published: a header row, quoted cells that may hold commas and line
/// breaks, empty cells, integers written as "128.0". Only the columns of <see cref="EpochRow"/> are read; the others
/// are ignored. Missing columns, unbalanced quotes and malformed numbers or dates raise
/// <see cref="EpochFormatException"/> with the line and column.
/// </summary>
public static class EpochReader
{
    /// <summary>The columns the study needs; a file lacking one of them is refused.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } =
    [
        "Model", "Organization", "Country (from Organization)", "Publication date", "Training hardware", "Hardware quantity",
        "Training time (hours)", "Training power draw (W)", "Hardware utilization", "Training compute (FLOP)", "Frontier model",
    ];

    /// <summary>Reads every data row of <paramref name="csv"/>, in file order.</summary>
    /// <exception cref="EpochFormatException">The file is not a readable Epoch table.</exception>
    public static IReadOnlyList<EpochRow> Read(TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Unbalanced quotes are an error, not something to guess around.
            BadDataFound = context => throw new EpochFormatException(
                "a quoted cell is not closed, or a quote appears inside an unquoted cell; quote the cell and double inner quotes (\"\").",
                context.Context.Parser?.RawRow, null),
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        using var reader = new CsvReader(csv, configuration);
        try
        {
            if (!reader.Read() || !reader.ReadHeader())
            {
                throw new EpochFormatException("the file is empty; expected a header row naming the columns.", 1, null);
            }
            var header = reader.HeaderRecord ?? [];
            var missing = RequiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                throw new EpochFormatException(
                    $"missing column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}; is this Epoch's notable_ai_models.csv?", 1, missing[0]);
            }
            var rows = new List<EpochRow>();
            var lastLine = reader.Parser.RawRow;
            while (reader.Read())
            {
                var line = lastLine + 1;
                lastLine = reader.Parser.RawRow;
                if (reader.Parser.Record is { Length: < 1 } || reader.Parser.Record!.All(string.IsNullOrWhiteSpace))
                {
                    continue; // a blank line is not a model
                }
                rows.Add(new RowCells(reader, line).ToRow());
            }
            return rows;
        }
        catch (CsvHelperException e)
        {
            throw new EpochFormatException($"not a readable CSV: {e.Message.Split('\n')[0]}", e.Context?.Parser?.RawRow, null, e);
        }
    }

    /// <summary>The cells of one row, parsed with the line and column in every error.</summary>
    private readonly struct RowCells(CsvReader reader, int line)
    {
        public EpochRow ToRow()
        {
            var model = Text("Model") ?? throw new EpochFormatException("the model has no name.", line, "Model");
            return new EpochRow(line, model, Text("Organization"), Text("Country (from Organization)"), Date("Publication date"),
                Text("Training hardware"), Number("Hardware quantity"), Number("Training time (hours)"),
                Number("Training power draw (W)"), Number("Hardware utilization"), Number("Training compute (FLOP)"),
                string.Equals(Text("Frontier model"), "True", StringComparison.OrdinalIgnoreCase));
        }

        private string? Text(string column)
        {
            var cell = reader.GetField(column)?.Trim();
            return string.IsNullOrEmpty(cell) ? null : cell;
        }

        private double? Number(string column)
        {
            var cell = Text(column);
            if (cell is null)
            {
                return null;
            }
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new EpochFormatException($"'{cell}' is not a number; write it with a point as decimal separator (e.g. 128.0 or 1.5e23).", line, column);
            }
            return value;
        }

        private DateOnly? Date(string column)
        {
            var cell = Text(column);
            if (cell is null)
            {
                return null;
            }
            if (!DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new EpochFormatException($"'{cell}' is not a date; expected year-month-day (e.g. 2023-07-18).", line, column);
            }
            return date;
        }
    }
}
