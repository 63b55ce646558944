namespace Wharf.Core.Auth;

/// <summary>Who is making a call: the token's name (recorded as the actor of every write) and its role.</summary>
public sealed record Actor(string Name, Role Role)
{
    /// <summary>The name the admin token (DATA/admin.token) acts as.</summary>
    public const string AdminName = "admin";

    public static Actor Admin { get; } = new(AdminName, Role.Admin);

    public bool Has(Role needed) => Role >= needed;
}
