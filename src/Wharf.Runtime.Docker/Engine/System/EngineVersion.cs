namespace Wharf.Runtime.Docker.Engine.System;

/// <summary>GET /version: what engine answers, and which API versions it speaks.</summary>
public sealed record EngineVersion
{
    public string Version { get; init; } = "";

    public string ApiVersion { get; init; } = "";

    public string? MinApiVersion { get; init; }

    public string? Os { get; init; }

    public string? Arch { get; init; }

    public string? KernelVersion { get; init; }

    public string? GitCommit { get; init; }

    public string? GoVersion { get; init; }
}
