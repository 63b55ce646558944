namespace Wharf.Runtime.Docker.Engine.Networks;

/// <summary>POST /networks/create's answer.</summary>
internal sealed record NetworkCreated
{
    public string Id { get; init; } = "";

    public string? Warning { get; init; }
}
