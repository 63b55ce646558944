namespace Wharf.Cli.Config;

/// <summary>What <c>wharf login</c> saves: the server to talk to and the bearer token for it.</summary>
internal sealed record CliConfig(string? Url, string? Token)
{
    public static CliConfig Empty { get; } = new(null, null);
}
