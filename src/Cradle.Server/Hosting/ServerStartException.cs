namespace Cradle.Server.Hosting;

/// <summary>The server refuses to start with these options (a public address without a token, a weak token, a URL it
/// cannot read); the message says how to fix the command.</summary>
public sealed class ServerStartException(string message) : Exception(message);
