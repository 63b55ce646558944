namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>POST /exec/{id}/start's body: stay attached and stream the output back.</summary>
internal sealed record ExecStartBody
{
    public bool Detach { get; init; }

    public bool Tty { get; init; }
}
