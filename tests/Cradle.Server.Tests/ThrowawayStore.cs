using Cradle.Store.Sqlite;

namespace Cradle.Server.Tests;

/// <summary>A SQLite store in a new temporary file, deleted on dispose: for tests that build a server but never start it.</summary>
internal sealed class ThrowawayStore : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"cradle-serve-{Guid.NewGuid():N}.db");

    public ThrowawayStore() => Store = SqliteRunStore.Open(path);

    public SqliteRunStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
