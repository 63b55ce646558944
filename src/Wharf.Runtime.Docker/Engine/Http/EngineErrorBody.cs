namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>The engine's error response: {"message": "..."}.</summary>
internal sealed record EngineErrorBody
{
    public string? Message { get; init; }
}
