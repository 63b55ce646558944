using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>Where and as whom a service reaches one resource; the values behind NAME_URL and its companions.</summary>
/// <param name="Database">The database name (PostgreSQL) or number (Redis).</param>
public sealed record ResourceLink(string Name, ResourceType Type, string Host, int Port, string User, string Password, string Database)
{
    public static IReadOnlyDictionary<string, ResourceLink> None { get; } = new Dictionary<string, ResourceLink>();

    public string Url => ResourceKinds.For(Type).Url(this, mask: false);

    /// <summary>The URL with the password replaced by asterisks, for listings.</summary>
    public string MaskedUrl => ResourceKinds.For(Type).Url(this, mask: true);

    public override string ToString() => $"ResourceLink {{ {Name}: {MaskedUrl} }}";
}
