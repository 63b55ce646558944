namespace Wharf.Core.Api;

/// <summary>Where an app's log is forwarded (PUT /v1/apps/{app}/logs/forward), or, answered, where it is: null when nowhere.</summary>
/// <param name="Url">A syslog endpoint, <c>tcp://HOST:PORT</c>: RFC 5424 messages with octet-counting framing.</param>
public sealed record LogForwardInfo(string? Url);
