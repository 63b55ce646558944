namespace Wharf.Runtime.Docker.Engine.System;

/// <summary>What an event is about; for containers the attributes include its labels, name and image.</summary>
public sealed record EventActor
{
    public string Id { get; init; } = "";

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
