using System.Security.Cryptography;
using System.Text;

namespace Cradle.Interchange.Writing;

/// <summary>
/// Stable openLCA ids for Cradle entities: name-based UUIDs (version 5, RFC 9562 §5.5) of a key such as
/// <c>process/offline-batching/training</c> in Cradle's own namespace, so exporting the same study twice gives the same
/// ids, and two studies that share a product share its flow's id.
/// </summary>
internal static class OlcaIds
{
    /// <summary>Cradle's namespace for name-based UUIDs (chosen once, never to change: every exported id depends on it).</summary>
    private static readonly Guid Namespace = new("0c7a5d2e-3b61-4f0a-9d8e-6a4c1f2b7e90");

    /// <summary>The version-5 UUID of <paramref name="key"/> in Cradle's namespace, lower-case with hyphens.</summary>
    public static string Of(string key)
    {
        var name = Encoding.UTF8.GetBytes(key);
        var data = new byte[16 + name.Length];
        Namespace.TryWriteBytes(data, bigEndian: true, out _);
        name.CopyTo(data, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version-5 UUIDs; it names, it does not protect.
        var hash = SHA1.HashData(data);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}
