namespace Wharf.Cli.Config;

/// <summary>The server and token one command talks to, after env overrides are applied.</summary>
internal sealed record Connection(Uri Url, string Token);
