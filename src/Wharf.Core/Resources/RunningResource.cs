namespace Wharf.Core.Resources;

/// <summary>A resource that runs, with what it takes to run a command in it. Holds its credentials: memory only.</summary>
public sealed record RunningResource(ResourceRecord Record, ResourceKind Kind, ResourceInstance Instance, ResourceCredentials Credentials)
{
    public string Name => Record.Name;

    public string App => Record.App;
}
