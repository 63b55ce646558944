namespace Wharf.Cli.Client;

/// <summary>What `wharf logs` asks for: the query string of GET /v1/apps/{app}/logs and /v1/logs/system.</summary>
internal sealed record LogsRequest
{
    public string? Since { get; init; }

    public string? Until { get; init; }

    public string? Service { get; init; }

    public int? Release { get; init; }

    public string? Process { get; init; }

    public string? Source { get; init; }

    public string? Filter { get; init; }

    public bool IgnoreCase { get; init; }

    public int? Tail { get; init; }

    public bool Follow { get; init; }

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
        Add(parts, "ignoreCase", IgnoreCase ? "true" : null);
        Add(parts, "tail", Tail?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "follow", Follow ? "true" : null);
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
