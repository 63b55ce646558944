namespace Wharf.Core.Routing;

/// <summary>One backend as the router sees it.</summary>
/// <param name="Healthy">In rotation: its last check passed (or the API said it was ready) and it is not ejected.</param>
/// <param name="Reason">Why it is out of rotation, e.g. "GET /health answered 404" or "connection refused", else null.</param>
/// <param name="InFlight">Requests being forwarded to it now.</param>
public sealed record BackendStatus(string App, string Service, string ProcessId, string Address, bool Healthy, string? Reason, int InFlight);
