using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cradle.Store;
using Cradle.Store.Backgrounds;

namespace Cradle.Cli.Commands;

/// <summary>
/// <c>cradle backgrounds list|rm</c>: the background databases kept in the run store
/// (<c>cradle import openlca-jsonld … --store</c>), which studies name with <c>store: NAME</c>.
/// </summary>
public static class BackgroundsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("backgrounds",
            "The background databases kept in the run store by 'cradle import openlca-jsonld PACKAGE --name N --version V --store', " +
            "which studies name with 'store: N' (docs/interchange.md). " + ExitCodes.Help);
        command.Subcommands.Add(List(output, error));
        command.Subcommands.Add(Remove(output, error));
        return command;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var store = StoreOption.ForRuns();
        var format = new Option<string>("--format", "-f") { Description = "'table' for people, 'json' (schema cradle.backgrounds/1) for programs.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("list", "List the kept background databases by name, then version. " + ExitCodes.Help) { store, format };
        command.SetAction((parse, _) => RunsCommand.WithStoreAsync(parse.GetValue(store), error, s =>
        {
            var kept = s.ListBackgrounds();
            if (parse.GetValue(format) == "json")
            {
                Json(kept, output);
            }
            else
            {
                Table(kept, output);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Remove(TextWriter output, TextWriter error)
    {
        var store = StoreOption.ForRuns();
        var name = new Argument<string>("NAME") { Description = "The background database's name." };
        var version = new Argument<string>("VERSION") { Description = "Its version." };
        var command = new Command("rm",
            "Remove a kept background database (studies naming it can no longer be assessed from this store). " + ExitCodes.Help) { name, version, store };
        command.SetAction((parse, _) => RunsCommand.WithStoreAsync(parse.GetValue(store), error, s =>
        {
            var (n, v) = (parse.GetValue(name)!, parse.GetValue(version)!);
            try
            {
                s.DeleteBackground(n, v);
            }
            catch (StoreException e) when (e.Code == "background-not-found")
            {
                error.WriteLine($"cradle: {Syntax.Printable.Escape(e.Message)}");
                return ExitCodes.InvalidInput;
            }
            output.WriteLine($"Removed background database '{Syntax.Printable.Escape(n)}' version {Syntax.Printable.Escape(v)}.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Table(IReadOnlyList<StoredBackground> kept, TextWriter output)
    {
        if (kept.Count == 0)
        {
            output.WriteLine("No background databases are kept in this store ('cradle import openlca-jsonld PACKAGE --name N --version V --store …' keeps one).");
            return;
        }
        output.WriteLine("NAME | VERSION | BYTES | PACKAGE SHA-256 | IMPORTED (UTC) | SOURCE | IMPORTED WITH");
        foreach (var b in kept)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Syntax.Printable.Escape(b.Name)} | {Syntax.Printable.Escape(b.Version)} | {b.Size} | {b.PackageSha256} | {b.ImportedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} | {Syntax.Printable.Escape(b.Source)} | {Syntax.Printable.Escape(b.ImportedWith)}"));
        }
    }

    private static void Json(IReadOnlyList<StoredBackground> kept, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("schema", "cradle.backgrounds/1");
            json.WriteStartArray("backgrounds");
            foreach (var b in kept)
            {
                json.WriteStartObject();
                json.WriteString("name", b.Name);
                json.WriteString("version", b.Version);
                json.WriteString("package_sha256", b.PackageSha256);
                json.WriteString("source", b.Source);
                json.WriteString("imported_with", b.ImportedWith);
                json.WriteString("imported_at", b.ImportedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
                json.WriteNumber("bytes", b.Size);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
