using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Cradle.Interchange.Background;

/// <summary>
/// The SHA-256 that identifies a package's content whatever holds it (zip or folder, any compression or time stamps):
/// for each entry in ordinal path order, its UTF-8 path, a 0 byte, its length as 8 bytes little-endian, then its bytes.
/// The length and the 0 byte keep one entry's end from passing for the next one's start.
/// </summary>
internal static class PackageDigest
{
    /// <summary>Lowercase hex SHA-256 over <paramref name="entries"/> (directory entries are never among them).</summary>
    public static string Of(IEnumerable<(string Path, byte[] Bytes)> entries)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var (path, bytes) in entries.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(path));
            sha.AppendData([0]);
            BinaryPrimitives.WriteInt64LittleEndian(length, bytes.LongLength);
            sha.AppendData(length);
            sha.AppendData(bytes);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
