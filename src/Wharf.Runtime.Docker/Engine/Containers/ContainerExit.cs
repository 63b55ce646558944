namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>How a container ended: its exit code, and the engine's error when it could not wait properly.</summary>
public sealed record ContainerExit(long ExitCode, string? Error);
