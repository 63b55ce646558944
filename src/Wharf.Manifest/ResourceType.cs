namespace Wharf.Manifest;

/// <summary>The kinds of backing service Wharf can provision for an app.</summary>
public enum ResourceType
{
    Postgres,
    Redis,
}
