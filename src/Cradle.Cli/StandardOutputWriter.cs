using System.Text;

namespace Cradle.Cli;

/// <summary>
/// Standard output as the commands see it: every write goes to the writer given, and an <see cref="IOException"/>
/// it throws becomes an <see cref="OutputWriteException"/>, which <see cref="CradleApp"/> reports as an environment
/// failure (exit code 2) whichever command was writing.
/// </summary>
internal sealed class StandardOutputWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    /// <inheritdoc/>
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc/>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <inheritdoc/>
    public override void Write(char value) => Guard(() => inner.Write(value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    /// <inheritdoc/>
    public override void Write(string? value) => Guard(() => inner.Write(value));

    /// <inheritdoc/>
    public override void WriteLine() => Guard(inner.WriteLine);

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    /// <inheritdoc/>
    public override void Flush() => Guard(inner.Flush);

    /// <inheritdoc/>
    public override Task WriteAsync(char value) => GuardAsync(() => inner.WriteAsync(value));

    /// <inheritdoc/>
    public override Task WriteAsync(string? value) => GuardAsync(() => inner.WriteAsync(value));

    /// <inheritdoc/>
    public override Task WriteAsync(char[] buffer, int index, int count) => GuardAsync(() => inner.WriteAsync(buffer, index, count));

    /// <inheritdoc/>
    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        GuardAsync(() => inner.WriteAsync(buffer, cancellationToken));

    /// <inheritdoc/>
    public override Task WriteLineAsync() => GuardAsync(inner.WriteLineAsync);

    /// <inheritdoc/>
    public override Task WriteLineAsync(char value) => GuardAsync(() => inner.WriteLineAsync(value));

    /// <inheritdoc/>
    public override Task WriteLineAsync(string? value) => GuardAsync(() => inner.WriteLineAsync(value));

    /// <inheritdoc/>
    public override Task WriteLineAsync(char[] buffer, int index, int count) => GuardAsync(() => inner.WriteLineAsync(buffer, index, count));

    /// <inheritdoc/>
    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        GuardAsync(() => inner.WriteLineAsync(buffer, cancellationToken));

    /// <inheritdoc/>
    public override Task FlushAsync() => GuardAsync(inner.FlushAsync);

    /// <inheritdoc/>
    public override Task FlushAsync(CancellationToken cancellationToken) => GuardAsync(() => inner.FlushAsync(cancellationToken));

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new OutputWriteException(e);
        }
    }

    private static async Task GuardAsync(Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new OutputWriteException(e);
        }
    }
}
