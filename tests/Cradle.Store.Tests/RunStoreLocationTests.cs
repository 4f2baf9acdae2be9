namespace Cradle.Store.Tests;

/// <summary>Which store a command uses: --store, then CRADLE_STORE, then the config file, then the default file.</summary>
public sealed class RunStoreLocationTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static string DefaultPath() => "/home/ada/.local/share/cradle/runs.db";

    private ResolvedStoreLocation Resolve(string? given, string? variable, string? config)
    {
        var file = folder.File("store-" + Guid.NewGuid().ToString("N"));
        if (config is not null)
        {
            File.WriteAllText(file, config);
        }

        return RunStoreLocation.Resolve(given, name => name == RunStoreLocation.EnvironmentVariable ? variable : null, file, DefaultPath);
    }

    [Fact]
    public void The_option_wins_then_the_variable_then_the_config_file_then_the_default()
    {
        const string config = "# the team store\npostgres://ada@db/team\n";
        Assert.Equal(new ResolvedStoreLocation("mine.db", "--store"), Resolve("mine.db", "postgres://ada@db/env", config));
        Assert.Equal(new ResolvedStoreLocation("postgres://ada@db/env", "CRADLE_STORE"), Resolve(null, "postgres://ada@db/env", config));
        var fromFile = Resolve(null, "  ", config);
        Assert.Equal("postgres://ada@db/team", fromFile.Location);
        Assert.StartsWith("config file ", fromFile.Source, StringComparison.Ordinal);
        Assert.Equal(new ResolvedStoreLocation(DefaultPath(), "default"), Resolve(null, null, null));
    }

    [Theory]
    [InlineData("\n# nothing here\n\n", "names no store")]
    [InlineData("postgres://ada@db/a\n# comment\npostgres://ada@db/b\n", "names 2 stores (lines 1, 3)")]
    public void A_config_file_with_no_store_or_two_is_refused(string config, string message)
    {
        var e = Assert.Throws<StoreException>(() => Resolve(null, null, config));
        Assert.Equal("bad-store-config", e.Code);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_config_file_follows_xdg_config_home()
    {
        Assert.Equal("/cfg/cradle/store", RunStoreLocation.ConfigFilePath(true, _ => "/cfg", "/home/ada", "/unused"));
        Assert.Equal("/home/ada/.config/cradle/store", RunStoreLocation.ConfigFilePath(true, _ => "relative", "/home/ada", "/unused"));
        Assert.Equal(Path.Combine("/appdata", "cradle", "store"), RunStoreLocation.ConfigFilePath(false, _ => null, "/home/ada", "/appdata"));
    }
}
