namespace Wharf.Core.Routing;

/// <summary>How the API drives the router: the "Routing" configuration section.</summary>
public sealed record RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>Every public service answers at <c>SERVICE.APP.BASEDOMAIN</c> (besides its own <c>domain:</c> names).</summary>
    public string BaseDomain { get; init; } = "localhost";

    /// <summary>How often the route table is handed to the router even when it has not changed (a router that restarted gets it back).</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one hand-over of the table may take before it counts as failed.</summary>
    public TimeSpan ApplyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The name a service answers at without a domain of its own, lower-cased: <c>SERVICE.APP.BASEDOMAIN</c>.</summary>
    public string DefaultHost(string app, string service) => $"{service}.{app}.{BaseDomain}".ToLowerInvariant();

    /// <summary>Every problem with these options, each naming its setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsDnsName(BaseDomain))
        {
            problems.Add(
                $"{SectionName}:{nameof(BaseDomain)} is '{BaseDomain}': give a DNS name such as apps.example.com or localhost "
                + "(labels of letters, digits and '-' separated by dots, no scheme, port or trailing dot).");
        }

        if (SyncInterval <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(SyncInterval)} is {SyncInterval}: give a positive duration such as 00:00:30.");
        }

        if (ApplyTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(ApplyTimeout)} is {ApplyTimeout}: give a positive duration such as 00:00:10.");
        }

        return problems;
    }

    private static bool IsDnsName(string? name) =>
        name is { Length: >= 1 and <= 253 } && name.Split('.').All(label =>
            label.Length is >= 1 and <= 63
            && char.IsAsciiLetterOrDigit(label[0])
            && char.IsAsciiLetterOrDigit(label[^1])
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
}
