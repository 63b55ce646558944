namespace Wharf.Core.Auth;

/// <summary>What a token may do; each role includes the ones below it.</summary>
public enum Role
{
    Read = 1,
    Deploy = 2,
    Admin = 3,
}
