using System.Globalization;
using System.Text;
using System.Text.Json;
using Cradle.Catalog;
using Cradle.Core.Engine;
using Cradle.Interchange.Background;
using Cradle.Interchange.Reading;

namespace Cradle.Cli.Importing;

/// <summary>Writes what <c>cradle import openlca-jsonld</c> read: entities per type, product systems with their reference, and the findings.</summary>
internal static class OpenLcaImportRenderer
{
    private static IEnumerable<(string Type, int Count)> Counts(BackgroundDatabase db) =>
    [
        ("processes", db.Processes.Count), ("flows", db.Flows.Count), ("flow_properties", db.FlowProperties.Count),
        ("unit_groups", db.UnitGroups.Count), ("lcia_methods", db.ImpactMethods.Count), ("lcia_categories", db.ImpactCategories.Count),
        ("product_systems", db.ProductSystems.Count), ("locations", db.Locations.Count),
    ];

    private static string SchemaName(BackgroundDatabase db) =>
        db.Schema == OpenLcaSchemaVersion.V1 ? "openLCA 1.x (olca-schema v1.1)" : "openLCA 2.x (olca-schema 2)";

    private static string Reference(BackgroundDatabase db, BackgroundProductSystem s) =>
        db.Processes.TryGetValue(s.ReferenceProcessId, out var p) ? $"'{p.Name}'" : $"{s.ReferenceProcessId} (not in the package)";

    private const string ClimateMethod = "ipcc-ar6-gwp100";

    /// <summary>The system's inventory and GWP100 with the catalog's factors, or why they are unavailable.</summary>
    private static (CharacterisedInventory? Climate, int Flows, string? Unavailable) Solve(BackgroundDatabase db, BackgroundProductSystem system)
    {
        try
        {
            var inventory = BackgroundInventorySolver.Solve(db, system);
            return (CatalogClimateMapping.Characterise(db, inventory, CatalogLoader.Shipped, ClimateMethod), inventory.Flows.Count, null);
        }
        catch (Exception e) when (e is OpenLcaPackageException or EngineException)
        {
            return (null, 0, e.Message);
        }
    }

    /// <summary>A background database kept in the run store by this import.</summary>
    /// <param name="Store">The store, as shown in messages.</param>
    /// <param name="Kept">What the store keeps.</param>
    /// <param name="Created">False when the same package was already kept under this name and version (nothing written).</param>
    public sealed record KeptInStore(string Store, Store.Backgrounds.StoredBackground Kept, bool Created);

    public static void Text(BackgroundDatabase db, (string File, BackgroundManifest Manifest)? kept, TextWriter output, KeptInStore? inStore = null)
    {
        output.WriteLine(kept is null && inStore is null
            ? $"{db.Source}: {SchemaName(db)}, read whole. Nothing was stored: -o FILE (or --store PATH|URI) --name NAME --version VERSION keeps it as a background database for studies to link to (docs/interchange.md)."
            : $"{db.Source}: {SchemaName(db)}, read whole.");
        output.WriteLine("Entities read (counted in the package):");
        foreach (var (type, count) in Counts(db))
        {
            output.WriteLine(Invariant($"  {type,-16} {count,7}"));
        }
        if (db.OtherEntities.Count > 0)
        {
            output.WriteLine("  not read: " + string.Join(", ", db.OtherEntities.Select(kv => Invariant($"{kv.Key} {kv.Value}"))));
        }
        output.WriteLine("Product systems:");
        if (db.ProductSystems.Count == 0)
        {
            output.WriteLine("  none in the package");
        }
        foreach (var s in db.ProductSystems.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            output.WriteLine(Invariant($"  {s.Name} ({s.Id}): reference {Reference(db, s)}, target {s.TargetAmount.ToString("G", CultureInfo.InvariantCulture)} {s.TargetUnitName ?? "(unit not given)"} (declared by the package); {s.ProcessIds.Count} processes, {s.Links.Count} links"));
            var (climate, flows, unavailable) = Solve(db, s);
            output.WriteLine(climate is null
                ? $"    inventory and GWP100 unavailable: {unavailable}"
                : climate.Mapped.Count == 0
                ? Invariant($"    inventory: {flows} elementary flows; GWP100 unavailable: none of them maps by name to a climate factor of {ClimateMethod} (not 0: nothing was characterised)")
                : Invariant($"    inventory: {flows} elementary flows; GWP100 {climate.Score:F2} {climate.Unit} (modelled: the package's exchanges scaled by solving its links, × {ClimateMethod} factors of Cradle's catalog for {climate.Mapped.Count} flows mapped by name; {climate.Unmapped.Count} flows have no climate factor)"));
        }
        output.WriteLine(Invariant($"Findings ({db.Findings.Count}): ") +
            (db.Findings.Count == 0 ? "none" : string.Join(", ", db.Findings.GroupBy(f => f.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Invariant($"{g.Key} {g.Count()}")))));
        foreach (var f in db.Findings)
        {
            output.WriteLine($"  {f.Code}: {f.File}, {f.Field}: {f.Message}");
        }
        if (kept is { } k)
        {
            output.WriteLine($"Kept as {k.File}: background database '{k.Manifest.Name}' version {k.Manifest.Version}, sha256 {k.Manifest.PackageSha256} (over the package's entries; the file holds them unchanged with this manifest).");
        }
        if (inStore is { } held)
        {
            output.WriteLine(Invariant($"Kept in the store {held.Store}: background database '{held.Kept.Name}' version {held.Kept.Version}, sha256 {held.Kept.PackageSha256}, {held.Kept.Size} bytes") +
                (held.Created ? "; studies name it with 'store: " + held.Kept.Name + "'." : " (already kept with the same package: nothing was written)."));
        }
    }

    public static void Json(BackgroundDatabase db, (string File, BackgroundManifest Manifest)? kept, TextWriter output, KeptInStore? inStore = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", "cradle.import-openlca-jsonld/1");
            json.WriteString("package", db.Source);
            json.WriteString("olca_schema", db.Schema == OpenLcaSchemaVersion.V1 ? "1" : "2");
            json.WriteBoolean("stored", kept is not null || inStore is not null);
            if (kept is { } k)
            {
                json.WriteStartObject("kept");
                json.WriteString("file", k.File);
                json.WriteString("name", k.Manifest.Name);
                json.WriteString("version", k.Manifest.Version);
                json.WriteString("package_sha256", k.Manifest.PackageSha256);
                json.WriteEndObject();
            }
            if (inStore is { } held)
            {
                json.WriteStartObject("kept_in_store");
                json.WriteString("store", held.Store);
                json.WriteString("name", held.Kept.Name);
                json.WriteString("version", held.Kept.Version);
                json.WriteString("package_sha256", held.Kept.PackageSha256);
                json.WriteNumber("bytes", held.Kept.Size);
                json.WriteBoolean("created", held.Created);
                json.WriteEndObject();
            }
            json.WriteStartObject("counts");
            foreach (var (type, count) in Counts(db))
            {
                json.WriteNumber(type, count);
            }
            json.WriteEndObject();
            json.WriteStartObject("not_read");
            foreach (var (folder, count) in db.OtherEntities)
            {
                json.WriteNumber(folder, count);
            }
            json.WriteEndObject();
            json.WriteStartArray("product_systems");
            foreach (var s in db.ProductSystems.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", s.Id);
                json.WriteString("name", s.Name);
                json.WriteString("reference_process", s.ReferenceProcessId);
                json.WriteNumber("target_amount", s.TargetAmount);
                json.WriteString("target_unit", s.TargetUnitName);
                json.WriteNumber("processes", s.ProcessIds.Count);
                json.WriteNumber("links", s.Links.Count);
                var (climate, flows, unavailable) = Solve(db, s);
                if (climate is null)
                {
                    json.WriteString("inventory_unavailable", unavailable);
                }
                else
                {
                    json.WriteNumber("elementary_flows", flows);
                    json.WriteStartObject("gwp100");
                    json.WriteString("method", ClimateMethod);
                    if (climate.Mapped.Count == 0)
                    {
                        json.WriteNull("value");
                        json.WriteString("unavailable", "no elementary flow maps by name to a climate factor of the catalog");
                    }
                    else
                    {
                        json.WriteNumber("value", climate.Score);
                    }
                    json.WriteString("unit", climate.Unit);
                    json.WriteString("provenance", "modelled: package inventory solved by Cradle, catalog factors for flows mapped by name");
                    json.WriteNumber("mapped_flows", climate.Mapped.Count);
                    json.WriteNumber("unmapped_flows", climate.Unmapped.Count);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var f in db.Findings)
            {
                json.WriteStartObject();
                json.WriteString("code", f.Code);
                json.WriteString("file", f.File);
                json.WriteString("field", f.Field);
                json.WriteString("message", f.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
