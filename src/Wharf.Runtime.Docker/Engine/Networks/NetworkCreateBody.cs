namespace Wharf.Runtime.Docker.Engine.Networks;

/// <summary>POST /networks/create's body.</summary>
internal sealed record NetworkCreateBody
{
    public required string Name { get; init; }

    public required string Driver { get; init; }

    // Without it the engine happily creates a second network of the same name, and names stop meaning one thing.
    public bool CheckDuplicate { get; init; } = true;

    public bool Internal { get; init; }

    public bool Attachable { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public static NetworkCreateBody From(NetworkSpec spec) => new()
    {
        Name = spec.Name,
        Driver = spec.Driver,
        Internal = spec.Internal,
        Attachable = spec.Attachable,
        Labels = spec.Labels,
    };
}
