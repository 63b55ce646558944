using System.Text.Json.Serialization;

namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>Credentials the engine forwards to a registry on push (sent base64url-encoded in X-Registry-Auth).</summary>
public sealed record RegistryCredentials
{
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    [JsonPropertyName("password")]
    public string? Password { get; init; }

    [JsonPropertyName("serveraddress")]
    public string? ServerAddress { get; init; }

    /// <summary>No credentials: what a local registry without an auth section expects.</summary>
    public static RegistryCredentials Anonymous { get; } = new();

    // Never print the password, even in a debugger or a log line.
    public override string ToString() => $"RegistryCredentials {{ Username = {Username}, ServerAddress = {ServerAddress} }}";
}
