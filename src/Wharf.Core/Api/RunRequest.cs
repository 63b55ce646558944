namespace Wharf.Core.Api;

/// <summary>`wharf run`: a one-off process of a service, with the current release's image and config.</summary>
/// <param name="Command">The command as argv; null or empty runs the service's own command.</param>
/// <param name="Detach">True: answer 201 with the process and let it run; false: stream its output and exit code.</param>
public sealed record RunRequest(string Service, IReadOnlyList<string>? Command, bool Detach = false);
