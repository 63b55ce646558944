namespace Wharf.Runtime.Docker.Engine.Containers;

internal sealed record WaitErrorBody
{
    public string? Message { get; init; }
}
