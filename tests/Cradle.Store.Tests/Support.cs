using Microsoft.Data.Sqlite;

namespace Cradle.Store.Tests;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cradle-store-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>A clock that only moves when told.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Liveness the test decides: the processes in <see cref="Alive"/> are alive on host "bench-01".</summary>
internal sealed class FakeLiveness : IProcessLiveness
{
    public const string LocalHost = "bench-01";

    public HashSet<int> Alive { get; } = [];

    public string HostName => LocalHost;

    public bool IsAlive(int processId, DateTimeOffset runStartedUtc) => Alive.Contains(processId);
}

internal static class Runs
{
    public static NewRun New(string? name = null, int pid = 4242, string host = FakeLiveness.LocalHost, string? model = null) =>
        new(name, "python infer.py --n 100", host, "/home/ada/bench", pid, null,
            model is null ? InferenceMetadata.None : new InferenceMetadata(Model: model));
}

/// <summary>Plain SQLite access to look under the store (never pooled, so temp folders can be deleted).</summary>
internal static class RawSqlite
{
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
