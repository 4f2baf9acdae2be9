namespace Cradle.Cli;

/// <summary>
/// Writing to standard output failed (a full disk, a closed pipe): the environment's failure, exit code 2. Only
/// <see cref="StandardOutputWriter"/> throws it, so that an <see cref="IOException"/> from anywhere else (reading an
/// input) can never be reported as a failure to write the output.
/// </summary>
internal sealed class OutputWriteException(IOException inner) : Exception(inner.Message, inner);
