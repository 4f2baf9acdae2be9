using System.Data.Common;

namespace Cradle.Store.Backgrounds;

/// <summary>What both adapters check before keeping a background database, their messages, and reading rows back.</summary>
public static class BackgroundLimits
{
    /// <summary>The largest background file kept: 1 GiB (a whole ecoinvent-sized package zipped stays well below;
    /// PostgreSQL's bytea tops out at 1 GiB anyway).</summary>
    public const int MaxContentBytes = 1 << 30;

    /// <summary>The longest name, version, source or tool line, in characters.</summary>
    public const int MaxTextLength = 512;

    internal const string Columns = "name, version, package_sha256, source, imported_with, imported_at, size";

    /// <summary>Throws <see cref="ArgumentException"/> when a field is blank, too long or malformed.</summary>
    internal static void Check(NewBackground background)
    {
        ArgumentNullException.ThrowIfNull(background);
        Text(background.Name, "name");
        Text(background.Version, "version");
        Text(background.Source, "source");
        Text(background.ImportedWith, "imported_with");
        if (background.PackageSha256 is not { Length: 64 } sha || sha.Any(c => !char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)))
        {
            throw new ArgumentException($"The package SHA-256 '{background.PackageSha256}' is not 64 lower-case hex digits.", nameof(background));
        }

        if (background.Content is not { Length: > 0 and <= MaxContentBytes })
        {
            throw new ArgumentException(
                $"A background file of {background.Content?.Length ?? 0} bytes cannot be kept: it must hold 1 to {MaxContentBytes} bytes.",
                nameof(background));
        }
    }

    private static void Text(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxTextLength)
        {
            throw new ArgumentException($"The background database's {field} must be 1 to {MaxTextLength} characters, not blank.", field);
        }
    }

    internal static StoreException Conflict(StoredBackground kept, NewBackground offered) => new(
        "background-conflict",
        $"Background database '{kept.Name}' version {kept.Version} is already kept with package sha256 {kept.PackageSha256}, " +
        $"and this one has sha256 {offered.PackageSha256}: another package under the same name and version. Nothing was stored; " +
        "delete the kept one first (cradle backgrounds rm) or give this one another version.");

    internal static StoreException Ambiguous(string name, IEnumerable<string> versions) => new(
        "background-ambiguous",
        $"Several versions of background database '{name}' are kept ({string.Join(", ", versions)}); say which with version:.");

    internal static StoreException NotFound(string name, string version) => new(
        "background-not-found",
        $"No background database '{name}' version {version} is kept in the store. List them with cradle backgrounds list.");

    internal static StoredBackground Read<TReader>(TReader r, Func<TReader, int, DateTimeOffset> time)
        where TReader : DbDataReader =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), time(r, 5), r.GetInt64(6));

    /// <summary>The one of <paramref name="kept"/> (all of one name) that <paramref name="version"/> names.</summary>
    internal static StoredBackground? Choose(string name, string? version, IReadOnlyList<StoredBackground> kept)
    {
        if (version is not null)
        {
            return kept.SingleOrDefault(b => b.Version == version);
        }

        return kept.Count > 1 ? throw Ambiguous(name, kept.Select(b => b.Version)) : kept.SingleOrDefault();
    }
}
