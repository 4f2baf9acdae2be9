namespace Cradle.Store.Backgrounds;

/// <summary>
/// Background databases kept in the run store (docs/interchange.md, "Keeping a background database"): each the bytes of
/// a Cradle background file, by name and version, so that a study names <c>store: NAME</c> instead of a file next to
/// it, and <c>cradle serve</c> can assess linked studies without reading files. Every write is one transaction,
/// committed when the method returns; implementations are safe to call from several threads.
/// </summary>
public interface IBackgroundStore
{
    /// <summary>
    /// Keeps a background database. The same name and version with the same package SHA-256 is already kept: nothing
    /// is written and the kept one is returned with <c>Created</c> false.
    /// </summary>
    /// <exception cref="ArgumentException">A field is blank or too long, the SHA-256 is not 64 lower-case hex digits,
    /// or the content is empty or over <see cref="BackgroundLimits.MaxContentBytes"/>.</exception>
    /// <exception cref="StoreException">The name and version are kept with another package SHA-256 (code
    /// <c>background-conflict</c>).</exception>
    (StoredBackground Background, bool Created) AddBackground(NewBackground background);

    /// <summary>
    /// The kept database with this name and version; with <paramref name="version"/> null, the only one of that name.
    /// Null when none matches.
    /// </summary>
    /// <exception cref="StoreException"><paramref name="version"/> is null and several versions of the name are kept
    /// (code <c>background-ambiguous</c>; the message lists them).</exception>
    StoredBackground? FindBackground(string name, string? version);

    /// <summary>The kept file's bytes, or null when no database has this name and version.</summary>
    byte[]? GetBackgroundContent(string name, string version);

    /// <summary>Every kept database, by name then version (ordinal).</summary>
    IReadOnlyList<StoredBackground> ListBackgrounds();

    /// <summary>Deletes a kept database.</summary>
    /// <exception cref="StoreException">No database has this name and version (code <c>background-not-found</c>).</exception>
    void DeleteBackground(string name, string version);
}
