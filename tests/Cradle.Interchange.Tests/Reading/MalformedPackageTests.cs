using System.IO.Compression;
using Cradle.Interchange.Reading;

namespace Cradle.Interchange.Tests.Reading;

/// <summary>A package with one bad entry is refused whole, naming the entry and field; a zip entry leaving the package is refused.</summary>
public sealed class MalformedPackageTests
{
    private const string Flow = "flows/57bdb443-d4a6-423d-8024-959b8261d02e.json";         // Methane, biogenic
    private const string Process = "processes/9f9e378b-7faa-4d4c-a419-3374b3632021.json";  // vitamin premix production

    [Fact]
    public void A_truncated_flow_refuses_the_package_naming_the_file()
    {
        var dir = TestPackages.CopyToTemp(TestPackages.Beef);
        try
        {
            var path = Path.Combine(dir, Flow);
            var text = File.ReadAllText(path);
            File.WriteAllText(path, text[..(text.Length / 2)]);
            var e = Assert.Throws<OpenLcaPackageException>(() => OpenLcaPackageReader.Read(dir));
            Assert.Equal(Flow, e.File);
            Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_process_without_an_id_refuses_the_package_naming_file_and_field()
    {
        var dir = TestPackages.CopyToTemp(TestPackages.Beef);
        try
        {
            var path = Path.Combine(dir, Process);
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"@type\":\"Process\",\"@id\":\"9f9e378b-7faa-4d4c-a419-3374b3632021\",", "\"@type\":\"Process\",", StringComparison.Ordinal));
            var e = Assert.Throws<OpenLcaPackageException>(() => OpenLcaPackageReader.Read(dir));
            Assert.Equal((Process, "@id"), (e.File, e.Field));
            Assert.Contains("missing; expected a string", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_amount_of_the_wrong_type_refuses_the_package_naming_the_exchange()
    {
        var dir = TestPackages.CopyToTemp(TestPackages.Beef);
        try
        {
            var path = Path.Combine(dir, Process);
            // The first amount in the vitamin premix file (compact JSON, as openLCA 1.x writes it) is "amount":1.0.
            var text = File.ReadAllText(path);
            var at = text.IndexOf("\"amount\":1.0", StringComparison.Ordinal);
            Assert.True(at > 0);
            File.WriteAllText(path, string.Concat(text.AsSpan(0, at), "\"amount\":\"1.0\"", text.AsSpan(at + "\"amount\":1.0".Length)));
            var e = Assert.Throws<OpenLcaPackageException>(() => OpenLcaPackageReader.Read(dir));
            Assert.Equal(Process, e.File);
            Assert.Matches(@"^exchanges\[\d\]\.amount$", e.Field);
            Assert.Contains("expected a finite number, found the string \"1.0\"", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_zip_entry_with_a_parent_segment_refuses_the_package()
    {
        var zip = Path.Combine(Path.GetTempPath(), "cradle-olca-" + Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            {
                using (var writer = new StreamWriter(archive.CreateEntry("meta.info").Open()))
                {
                    writer.Write("{\"client\":\"openLCA 1.7.3\"}");
                }
                using (var writer = new StreamWriter(archive.CreateEntry("flows/../../evil.json").Open()))
                {
                    writer.Write("{}");
                }
            }
            var e = Assert.Throws<OpenLcaPackageException>(() => OpenLcaPackageReader.Read(zip));
            Assert.Equal(zip, e.File);
            Assert.Equal("flows/../../evil.json", e.Field);
            Assert.Contains("leaves the package", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public void A_zip_entry_inflating_past_the_limit_is_refused_while_inflating()
    {
        var zip = Path.Combine(Path.GetTempPath(), "cradle-olca-" + Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            {
                using (var writer = new StreamWriter(archive.CreateEntry("context.json").Open()))
                {
                    writer.Write("{}");
                }
                // 1 MiB of spaces deflates to about 1 KiB: a small zip bomb against a 64 KiB limit.
                using var stream = archive.CreateEntry("flows/bomb.json", CompressionLevel.Optimal).Open();
                stream.Write(new byte[1024 * 1024].Select(_ => (byte)' ').ToArray());
            }
            Assert.True(new FileInfo(zip).Length < 64 * 1024);
            var limits = new PackageEntries.Limits(MaxEntries: 100, MaxEntryBytes: 64 * 1024, MaxTotalBytes: 10 * 1024 * 1024);
            var e = Assert.Throws<OpenLcaPackageException>(() => OpenLcaPackageReader.Read(zip, limits));
            Assert.Equal("flows/bomb.json", e.File);
            Assert.Contains("larger than 65,536 bytes once inflated", e.Message, StringComparison.Ordinal);

            var fewer = new PackageEntries.Limits(MaxEntries: 1, MaxEntryBytes: 10 * 1024 * 1024, MaxTotalBytes: 10 * 1024 * 1024);
            var count = Assert.Throws<OpenLcaPackageException>(() => OpenLcaPackageReader.Read(zip, fewer));
            Assert.Contains("more than 1 entries", count.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public void A_folder_that_is_no_openLCA_package_is_refused()
    {
        var e = Assert.Throws<OpenLcaPackageException>(() => OpenLcaPackageReader.Read(TestPackages.Data("olca-schema_examples")));
        Assert.Contains("neither olca-schema.json", e.Message, StringComparison.Ordinal);
    }
}
