using System.CommandLine;
using System.Globalization;
using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Cli.Rendering;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle catalog list|show|search|cite</c>: browse the reference catalog and cite its sources.</summary>
public static class CatalogCommand
{
    /// <summary>Builds the command and its subcommands.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("catalog",
            "Browse the reference catalog: accelerators, CPUs, servers, memory and storage, electricity grids (countries, " +
            "US eGRID subregions), data-centre profiles, cloud regions and impact methods. Every figure has its source, year, " +
            "unit and uncertainty; studies refer to entries by id or by any alias. See docs/data-sources.md. " + ExitCodes.Help);
        command.Subcommands.Add(List(output, error));
        command.Subcommands.Add(Show(output, error));
        command.Subcommands.Add(Search(output, error));
        command.Subcommands.Add(Cite(output, error));
        return command;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var kind = new Argument<string?>("KIND")
        {
            Description = $"Only entries of this kind: {string.Join(", ", CatalogKinds.WithFigures)}, or 'method' or 'bibliography'.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        kind.AcceptOnlyFromAmong([.. CatalogKinds.All]);
        var files = CatalogFilesOption.Create();
        var command = new Command("list", "List the catalog's entries (id, kind, name), optionally of one kind. " + ExitCodes.Help) { kind, files };
        command.SetAction((parse, _) => WithCatalogAsync(parse.GetValue(files)!, error, catalog =>
        {
            CatalogRenderer.List(catalog, parse.GetValue(kind), output);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("ID") { Description = "An entry id, name or alias (\"NVIDIA A100 SXM4 80 GB\" works), or a method id." };
        var files = CatalogFilesOption.Create();
        var command = new Command("show", "Show an entry: every figure with its default, uncertainty and each source's estimate. " + ExitCodes.Help) { id, files };
        command.SetAction((parse, _) => WithCatalogAsync(parse.GetValue(files)!, error, catalog =>
        {
            var wanted = parse.GetValue(id)!;
            if (catalog.Method(wanted) is { } method)
            {
                CatalogRenderer.ShowMethod(catalog, method, output);
                return ExitCodes.Success;
            }
            if (catalog.Find(wanted) is not { } entry)
            {
                return NotFound(catalog, wanted, error);
            }
            CatalogRenderer.Show(catalog, entry, output);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Search(TextWriter output, TextWriter error)
    {
        var text = new Argument<string>("TEXT") { Description = "Text to look for in ids, names, aliases and attributes (case and punctuation ignored)." };
        var files = CatalogFilesOption.Create();
        var command = new Command("search", "Find entries whose id, name, alias or attributes contain the text. " + ExitCodes.Help) { text, files };
        command.SetAction((parse, _) => WithCatalogAsync(parse.GetValue(files)!, error, catalog =>
        {
            var found = catalog.Search(parse.GetValue(text)!).ToList();
            CatalogRenderer.Rows(found, output);
            return found.Count > 0 ? ExitCodes.Success : NotFound(catalog, parse.GetValue(text)!, error, fromSearch: true);
        }));
        return command;
    }

    private static Command Cite(TextWriter output, TextWriter error)
    {
        var ids = new Argument<string[]>("ID") { Description = "Entry ids, names or aliases, or bibliography keys.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f")
        {
            Description = "'text' for a reference list, 'bibtex' for LaTeX.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "bibtex");
        var files = CatalogFilesOption.Create();
        var command = new Command("cite", "Print the sources behind entries (or bibliography keys), to cite them in a paper or report. " + ExitCodes.Help) { ids, format, files };
        command.SetAction((parse, _) => WithCatalogAsync(parse.GetValue(files)!, error, catalog =>
        {
            var sources = new List<Source>();
            foreach (var id in parse.GetValue(ids)!)
            {
                if (catalog.Sources.TryGetValue(id, out var source))
                {
                    sources.Add(source);
                }
                else if (catalog.Find(id) is { } entry)
                {
                    sources.AddRange(catalog.SourcesOf(entry));
                }
                else if (catalog.Method(id) is { } method)
                {
                    sources.Add(catalog.Sources[method.Source]);
                }
                else
                {
                    return NotFound(catalog, id, error);
                }
            }
            CitationWriter.Write(sources.Distinct().ToList(), parse.GetValue(format)!, output);
            return ExitCodes.Success;
        }));
        return command;
    }

    private const int ShownLength = 80;

    // fromSearch: the search itself found nothing, so suggesting the same search again would be a loop; the hint names
    // 'cradle catalog list' instead.
    private static int NotFound(ReferenceCatalog catalog, string wanted, TextWriter error, bool fromSearch = false)
    {
        var hint = Core.NameSuggestions.Hint(wanted, catalog.Entries.Select(e => e.Id).Concat(catalog.Sources.Keys));
        // The name is echoed escaped and, when long, shortened: an argument of 100,000 characters is not worth repeating.
        var shown = wanted.Length <= ShownLength
            ? $"'{Syntax.Printable.Escape(wanted)}'"
            : string.Create(CultureInfo.InvariantCulture, $"'{Syntax.Printable.Escape(Reports.TextFormat.Shorten(wanted, ShownLength))}' ({wanted.Length:N0} characters)");
        var search = fromSearch
            ? " Try a shorter or different text, or 'cradle catalog list' to see every entry."
            : wanted.Length <= ShownLength ? $" Try 'cradle catalog search {Syntax.Printable.Escape(wanted.Split(' ')[0])}'." : "";
        error.WriteLine($"cradle: {shown} is not in the catalog{hint}.{search}");
        return ExitCodes.InvalidInput;
    }

    private static async Task<int> WithCatalogAsync(FileInfo[] files, TextWriter error, Func<ReferenceCatalog, int> run)
    {
        var (catalog, exitCode) = await CatalogFilesOption.LoadAsync(files, error).ConfigureAwait(false);
        return catalog is null ? exitCode : run(catalog);
    }
}
