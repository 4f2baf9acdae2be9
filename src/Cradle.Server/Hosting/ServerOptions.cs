namespace Cradle.Server.Hosting;

/// <summary>How <c>cradle serve</c> runs: where it listens, the token it asks for, the store it serves, its limits.</summary>
public sealed record ServerOptions
{
    /// <summary>Where the server listens when no <c>--urls</c> is given: loopback only, so nothing outside this machine
    /// reaches it and no token is needed.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5178";

    /// <summary>The environment variable read for the token when <c>--token</c> is not given (a token on a command
    /// line is visible to every user of the machine in <c>ps</c>).</summary>
    public const string TokenVariable = "CRADLE_SERVE_TOKEN";

    /// <summary>Fewest characters a token may have: 16 random characters are beyond guessing over a network.</summary>
    public const int MinimumTokenLength = 16;

    /// <summary>Default largest request body, bytes: a study file is a few kB; 1 MiB leaves room for big ones.</summary>
    public const long DefaultMaxUploadBytes = 1L << 20;

    /// <summary>Default most Monte Carlo iterations one assessment may ask the server for: 10 000 draws give percentiles to
    /// about a percent and take seconds on the bundled example, so one request cannot hold the server for long.</summary>
    public const int DefaultMaxMonteCarloIterations = 10_000;

    /// <summary>The addresses to listen on (Kestrel URLs, e.g. <c>http://127.0.0.1:5178</c>, <c>http://0.0.0.0:8080</c>).</summary>
    public required IReadOnlyList<string> Urls { get; init; }

    /// <summary>The token every request must carry (bearer header or the login cookie); null: none asked, which is only
    /// allowed when every address is loopback.</summary>
    public string? Token { get; init; }

    /// <summary>Largest request body in bytes; a larger upload is refused with 413 before it is read.</summary>
    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;

    /// <summary>The Epoch AI notable-models CSV the trends view assesses (named by the operator with <c>--trends</c>);
    /// null: no trends view.</summary>
    public string? TrendsDataset { get; init; }
    /// <summary>Most Monte Carlo iterations an assessment may ask for (<c>mc</c>); more is refused with 400.</summary>
    public int MaxMonteCarloIterations { get; init; } = DefaultMaxMonteCarloIterations;

    /// <summary>How the store is named in pages and logs (a path, or a URI with its password masked).</summary>
    public required string StoreDisplay { get; init; }
}
