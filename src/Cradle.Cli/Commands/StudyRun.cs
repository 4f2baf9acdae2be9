using Cradle.Cli.Input;

namespace Cradle.Cli.Commands;

/// <summary>
/// What a study command's own work is given by <see cref="StudyCommandRunner"/>: the <c>--catalog</c> files, the run store, the reader
/// of the studies' own <c>catalog:</c> files (which records what it read), and the one way to write the results, which
/// first refuses an output file that is one of those catalog files.
/// </summary>
internal sealed class StudyRun
{
    private readonly List<FileInfo> catalogFilesRead = [];
    private readonly List<(string Name, string Text)> catalogTexts = [];
    private readonly FileInfo? outputFile;
    private readonly Dictionary<string, Studies.Background.IBackgroundSource> backgrounds = new(StringComparer.Ordinal);
    private readonly Func<Store.Backgrounds.IBackgroundStore>? backgroundStore;

    /// <summary>
    /// Creates the run of a command writing to <paramref name="outputFile"/> (null: standard output), reading
    /// <c>from_run</c> values from <paramref name="runs"/>.
    /// </summary>
    /// <param name="catalogFiles">The <c>--catalog</c> files, read.</param>
    /// <param name="outputFile">The <c>--output</c> file, or null.</param>
    /// <param name="runs">The run store's runs.</param>
    /// <param name="backgroundStore">Opens the same run store for the background databases a study names with <c>store:</c>.</param>
    public StudyRun(IReadOnlyList<(string Name, string Text)> catalogFiles, FileInfo? outputFile, Studies.Runs.IRunSource runs,
        Func<Store.Backgrounds.IBackgroundStore>? backgroundStore = null)
    {
        Runs = runs;
        this.backgroundStore = backgroundStore;
        CatalogFiles = catalogFiles;
        this.outputFile = outputFile;
        ReadCatalogFile = path =>
        {
            // Recorded before reading: a file that could not be read was still named as an input.
            catalogFilesRead.Add(new FileInfo(path));
            var text = InputFile.Read(path, InputKind.Catalog);
            catalogTexts.Add((path, text));
            return text;
        };
    }

    /// <summary>Where values written <c>from_run</c> are read (the <c>--store</c> run store).</summary>
    public Studies.Runs.IRunSource Runs { get; }

    /// <summary>
    /// The background databases the study in <paramref name="studyFile"/> links to (<c>from_background</c>), read from
    /// files relative to its folder, or (<c>store:</c>) from the command's run store, each once.
    /// </summary>
    public Studies.Background.IBackgroundSource BackgroundFor(string studyFile)
    {
        // One source per folder for the whole command: a study compiled twice (assess with --mc) opens its database once.
        var folder = Path.GetDirectoryName(Path.GetFullPath(studyFile)) ?? ".";
        return backgrounds.TryGetValue(folder, out var source) ? source : backgrounds[folder] = new Interchange.Background.FileBackgroundSource(folder, backgroundStore);
    }

    /// <summary>The <c>--catalog</c> files given, read.</summary>
    public IReadOnlyList<(string Name, string Text)> CatalogFiles { get; }

    /// <summary>The studies' own <c>catalog:</c> files read so far, with their text (for the results' provenance).</summary>
    public IReadOnlyList<(string Name, string Text)> StudyCatalogFiles => catalogTexts;

    /// <summary>Reads a study's own <c>catalog:</c> file; a refusal is an <see cref="IOException"/>, reported at the study's line.</summary>
    public Func<string, string> ReadCatalogFile { get; }

    /// <summary>
    /// Refuses the <c>--output</c> file, and <paramref name="others"/> (each with its option's name), where a study read
    /// it as a catalog file. Call it once the studies are compiled, before the work that takes long and before writing.
    /// </summary>
    /// <exception cref="OutputClashException">One of them is such a file.</exception>
    public void CheckOutputs(params (FileInfo? File, string Option)[] others)
    {
        foreach (var (file, option) in others.Prepend((outputFile, "--output")))
        {
            if (OutputFile.Clash(file, option, catalogFilesRead) is { } clash)
            {
                throw new OutputClashException(clash);
            }
        }
    }

    /// <summary>
    /// Writes the results to the <c>--output</c> file, or to <paramref name="output"/>; returns the exit code. The file
    /// is checked again, so that a command that did not call <see cref="CheckOutputs"/> still cannot overwrite an input.
    /// </summary>
    /// <exception cref="OutputClashException">The file is a catalog file a study read.</exception>
    public Task<int> WriteAsync(Action<TextWriter> render, TextWriter output, TextWriter error, bool confirm = false)
    {
        CheckOutputs();
        return OutputFile.WriteAsync(outputFile, render, output, error, confirm);
    }
}

/// <summary>An output file that is one of the inputs: a usage error, exit code 1, with the message to print.</summary>
internal sealed class OutputClashException(string message) : Exception(message);
