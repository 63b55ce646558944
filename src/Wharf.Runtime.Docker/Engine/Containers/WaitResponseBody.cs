namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>POST /containers/{id}/wait's answer.</summary>
internal sealed record WaitResponseBody
{
    public long StatusCode { get; init; }

    public WaitErrorBody? Error { get; init; }
}
