using Cradle.Store.Backgrounds;

namespace Cradle.Store.Tests;

/// <summary>Background databases kept in the store (what studies name with <c>store:</c>).</summary>
public abstract partial class RunStoreContract
{
    // Two package digests, written out by hand: 64 lower-case hex digits each.
    private const string ShaA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string ShaB = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static NewBackground Background(string name, string version, string sha, byte[] content) =>
        new(name, version, sha, "usda-beef.zip", "cradle 0.1.0+abc", T0.AddDays(-1), content);

    [Fact]
    public void A_background_database_reads_back_with_its_bytes_and_what_its_manifest_said()
    {
        var store = Store();
        byte[] content = [0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x10];

        var (kept, created) = store.AddBackground(Background("usda-beef", "2023.1", ShaA, content));

        Assert.True(created);
        // 7 bytes given, 7 kept; the import time is the manifest's (T0 minus one day), not the store's clock.
        Assert.Equal(new StoredBackground("usda-beef", "2023.1", ShaA, "usda-beef.zip", "cradle 0.1.0+abc", T0.AddDays(-1), 7), kept);
        Assert.Equal(kept, Store().FindBackground("usda-beef", "2023.1"));
        Assert.Equal(kept, Store().FindBackground("usda-beef", null));
        Assert.Equal(content, Store().GetBackgroundContent("usda-beef", "2023.1"));
        Assert.Null(store.FindBackground("usda-beef", "2024.1"));
        Assert.Null(store.FindBackground("other", null));
        Assert.Null(store.GetBackgroundContent("usda-beef", "2024.1"));
    }

    [Fact]
    public void Keeping_the_same_package_again_is_a_no_op_and_another_package_under_its_version_is_refused()
    {
        var store = Store();
        var (first, _) = store.AddBackground(Background("usda-beef", "2023.1", ShaA, [1, 2, 3]));

        // Same name, version and digest: the bytes of a re-import may differ (its manifest's time), the first stays.
        var (again, created) = Store().AddBackground(Background("usda-beef", "2023.1", ShaA, [9, 9, 9, 9]));
        var e = Assert.Throws<StoreException>(() => Store().AddBackground(Background("usda-beef", "2023.1", ShaB, [4, 5])));

        Assert.False(created);
        Assert.Equal(first, again);
        Assert.Equal("background-conflict", e.Code);
        Assert.Contains(ShaA, e.Message, StringComparison.Ordinal);
        Assert.Contains(ShaB, e.Message, StringComparison.Ordinal);
        Assert.Contains("another version", e.Message, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], store.GetBackgroundContent("usda-beef", "2023.1"));
    }

    [Fact]
    public void A_name_without_a_version_must_be_the_only_one_and_the_list_is_by_name_then_version()
    {
        var store = Store();
        store.AddBackground(Background("usda-beef", "2024.1", ShaB, [2]));
        store.AddBackground(Background("usda-beef", "2023.1", ShaA, [1]));
        store.AddBackground(Background("agribalyse", "3.1", ShaA, [3, 3]));

        var e = Assert.Throws<StoreException>(() => Store().FindBackground("usda-beef", null));

        Assert.Equal("background-ambiguous", e.Code);
        Assert.Contains("2023.1, 2024.1", e.Message, StringComparison.Ordinal);
        Assert.Equal("2024.1", store.FindBackground("usda-beef", "2024.1")!.Version);
        Assert.Equal(["agribalyse 3.1", "usda-beef 2023.1", "usda-beef 2024.1"],
            Store().ListBackgrounds().Select(b => $"{b.Name} {b.Version}"));
    }

    [Fact]
    public void A_deleted_background_database_is_gone_and_deleting_an_unknown_one_is_refused()
    {
        var store = Store();
        store.AddBackground(Background("usda-beef", "2023.1", ShaA, [1]));

        store.DeleteBackground("usda-beef", "2023.1");
        var e = Assert.Throws<StoreException>(() => store.DeleteBackground("usda-beef", "2023.1"));

        Assert.Empty(Store().ListBackgrounds());
        Assert.Null(store.GetBackgroundContent("usda-beef", "2023.1"));
        Assert.Equal("background-not-found", e.Code);
        // Deleted, it can be kept again with another package.
        Assert.True(store.AddBackground(Background("usda-beef", "2023.1", ShaB, [2])).Created);
    }

    [Fact]
    public void A_20_mb_background_file_round_trips_byte_for_byte()
    {
        var content = new byte[20 * 1024 * 1024];
        new Random(16).NextBytes(content);

        var (kept, _) = Store().AddBackground(Background("big", "1", ShaA, content));

        // 20 × 1024 × 1024 = 20,971,520 bytes.
        Assert.Equal(20_971_520, kept.Size);
        Assert.Equal(content, Store().GetBackgroundContent("big", "1"));
    }

    [Fact]
    public void A_malformed_background_database_is_refused_before_anything_is_written()
    {
        var store = Store();

        Assert.Throws<ArgumentException>(() => store.AddBackground(Background(" ", "1", ShaA, [1])));
        Assert.Throws<ArgumentException>(() => store.AddBackground(Background("x", "1", "ABC", [1])));
        Assert.Throws<ArgumentException>(() => store.AddBackground(Background("x", "1", ShaA.ToUpperInvariant(), [1])));
        Assert.Throws<ArgumentException>(() => store.AddBackground(Background("x", "1", ShaA, [])));
        Assert.Empty(store.ListBackgrounds());
    }
}
