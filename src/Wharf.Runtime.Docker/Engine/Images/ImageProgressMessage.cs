using System.Text.Json.Serialization;

namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>
/// One message of a build or push stream, as the engine sends it: build output in <see cref="Stream"/>,
/// push progress in <see cref="Status"/>, a failure in <see cref="Error"/>, results in <see cref="Aux"/>.
/// </summary>
public sealed record ImageProgressMessage
{
    [JsonPropertyName("stream")]
    public string? Stream { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The layer a push status is about.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("progress")]
    public string? Progress { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("errorDetail")]
    public ImageErrorDetail? ErrorDetail { get; init; }

    [JsonPropertyName("aux")]
    public ImageProgressAux? Aux { get; init; }
}
