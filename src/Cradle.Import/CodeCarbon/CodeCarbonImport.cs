using Cradle.Store;

namespace Cradle.Import.CodeCarbon;

/// <summary>What a set of CodeCarbon files amounts to: runs to store, or the problems that stop all of them.</summary>
/// <param name="Runs">The runs, in file and row order; empty when there are problems (an import takes all or nothing).</param>
/// <param name="Notes">What the summary should say about the runs (unmapped sites, repeated run ids, inconsistent rows).</param>
/// <param name="Problems">Why nothing can be imported; empty when <paramref name="Runs"/> can be stored.</param>
public sealed record CodeCarbonImport(IReadOnlyList<ImportedRun> Runs, IReadOnlyList<string> Notes, IReadOnlyList<CodeCarbonProblem> Problems)
{
    /// <summary>Whether the files can be imported.</summary>
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>A CodeCarbon file's name (as given on the command line) and content.</summary>
/// <param name="Name">The file as named; its file name appears in each run's origin.</param>
/// <param name="Bytes">The file's bytes, exactly (the origin carries their SHA-256).</param>
/// <param name="Directory">The folder the file is in, absolute: the runs' working directory.</param>
public sealed record CodeCarbonInput(string Name, byte[] Bytes, string Directory);
