namespace Wharf.Core.Api;

/// <summary>
/// The query string of GET /v1/apps/{app}/logs and GET /v1/logs/system: what `wharf logs` asks for, and what the
/// server binds (it turns it into a store query with LogRequestQuery.ToQuery).
/// </summary>
public sealed record LogRequest
{
    public string? Since { get; init; }

    public string? Until { get; init; }

    public string? Service { get; init; }

    public int? Release { get; init; }

    public string? Process { get; init; }

    /// <summary>"stdout", "stderr", "build", "event", comma-separated.</summary>
    public string? Source { get; init; }

    public string? Filter { get; init; }

    public bool? IgnoreCase { get; init; }

    public int? Tail { get; init; }

    public bool? Follow { get; init; }

    /// <summary>The query string for these parameters ("?since=10m&amp;tail=100"); "" when none is set.</summary>
    public string QueryString()
    {
        var parts = new List<string>();
        Add(parts, "since", Since);
        Add(parts, "until", Until);
        Add(parts, "service", Service);
        Add(parts, "release", Release?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "process", Process);
        Add(parts, "source", Source);
        Add(parts, "filter", Filter);
        Add(parts, "ignoreCase", IgnoreCase == true ? "true" : null);
        Add(parts, "tail", Tail?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "follow", Follow == true ? "true" : null);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
