using System.Text.Json.Serialization;

namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>The engine's structured error in a build or push stream; code is a RUN step's exit code.</summary>
public sealed record ImageErrorDetail
{
    [JsonPropertyName("code")]
    public int? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
