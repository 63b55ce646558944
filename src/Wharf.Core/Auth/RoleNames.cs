using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Auth;

/// <summary>The wire names of roles: "read", "deploy", "admin".</summary>
public static class RoleNames
{
    public const string Read = "read";
    public const string Deploy = "deploy";
    public const string Admin = "admin";

    public static string ToName(this Role role) => role switch
    {
        Role.Read => Read,
        Role.Deploy => Deploy,
        Role.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out Role? role)
    {
        role = name?.Trim().ToUpperInvariant() switch
        {
            "READ" => Role.Read,
            "DEPLOY" => Role.Deploy,
            "ADMIN" => Role.Admin,
            _ => null,
        };
        return role is not null;
    }
}
