using System.Text.Json;

namespace Cradle.Interchange.Writing;

/// <summary>
/// The pieces every olca-schema entity is written with: references (<c>{"@type", "@id", "name"}</c>) and one entity
/// per file, indented, with Utf8JsonWriter (no reflection: the CLI is NativeAOT). Numbers are written in their shortest
/// round-trip form, so a value read back is the same double.
/// </summary>
internal static class OlcaJson
{
    // Names such as "OLMo 2 7B — development" stay readable: the package is a data file, never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one entity: <paramref name="body"/> writes its fields after <c>@type</c>, <c>@id</c> and <c>name</c>.</summary>
    public static byte[] Entity(string type, string id, string name, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("@type", type);
            writer.WriteString("@id", id);
            writer.WriteString("name", name);
            body(writer);
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Writes <c>"property": {"@type": type, "@id": id, "name": name}</c>.</summary>
    public static void Ref(Utf8JsonWriter writer, string property, string type, string id, string name)
    {
        writer.WriteStartObject(property);
        RefFields(writer, type, id, name);
        writer.WriteEndObject();
    }

    /// <summary>Writes a reference as an array element.</summary>
    public static void RefElement(Utf8JsonWriter writer, string type, string id, string name)
    {
        writer.WriteStartObject();
        RefFields(writer, type, id, name);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>"property": {"@type": "ExchangeRef", "internalId": id}</c>, how 2.x points at an exchange.</summary>
    public static void ExchangeRef(Utf8JsonWriter writer, string property, int internalId)
    {
        writer.WriteStartObject(property);
        writer.WriteString("@type", "ExchangeRef");
        writer.WriteNumber("internalId", internalId);
        writer.WriteEndObject();
    }

    private static void RefFields(Utf8JsonWriter writer, string type, string id, string name)
    {
        writer.WriteString("@type", type);
        writer.WriteString("@id", id);
        writer.WriteString("name", name);
    }
}
