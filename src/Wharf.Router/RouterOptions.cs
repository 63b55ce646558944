namespace Wharf.Router;

/// <summary>How the router process runs: what `wharf router` (started by `wharf server`) is given.</summary>
public sealed record RouterOptions
{
    /// <summary>The data directory shared with the server; the router keeps its files in <c>router/</c> under it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Plain HTTP listeners for app traffic, e.g. "http://127.0.0.1:8080".</summary>
    public IReadOnlyList<string> HttpUrls { get; init; } = ["http://127.0.0.1:8080"];

    /// <summary>HTTPS listeners (HTTP/1.1 and HTTP/2), e.g. "https://127.0.0.1:8443"; none by default.</summary>
    public IReadOnlyList<string> HttpsUrls { get; init; } = [];

    /// <summary>Answer plain-HTTP requests with a redirect to the first HTTPS listener's port.</summary>
    public bool RedirectToHttps { get; init; }

    /// <summary>The directory of the router's own files: control socket, last table, pid.</summary>
    public string RouterDirectory => Path.Combine(DataDirectory, "router");

    /// <summary>The unix socket the API controls the router through (owner-only).</summary>
    public string ControlSocketPath => Path.Combine(RouterDirectory, "control.sock");

    /// <summary>The last table the router was given, so it serves it again after its own restart.</summary>
    public string TablePath => Path.Combine(RouterDirectory, "table.json");

    /// <summary>How long a connection to a backend may take before the router tries another one.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a backend stays out of rotation after a failed connection before it is checked again.</summary>
    public TimeSpan EjectionCoolOff { get; init; } = TimeSpan.FromSeconds(10);
}
