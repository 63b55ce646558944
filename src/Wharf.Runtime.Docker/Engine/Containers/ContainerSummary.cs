using System.Text.Json.Serialization;

namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>One entry of GET /containers/json.</summary>
public sealed record ContainerSummary
{
    public string Id { get; init; } = "";

    /// <summary>Names with the engine's leading slash.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    public string? Image { get; init; }

    [JsonPropertyName("ImageID")]
    public string? ImageId { get; init; }

    public string? Command { get; init; }

    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }

    /// <summary>created, running, exited...</summary>
    public string? State { get; init; }

    /// <summary>Human text: "Up 3 minutes (healthy)".</summary>
    public string? Status { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyList<ContainerPortSummary>? Ports { get; init; }

    /// <summary>The container's address on each network it is attached to (Networks only; no ports here).</summary>
    public NetworkSettings? NetworkSettings { get; init; }
}
