namespace Wharf.Core.Api;

/// <summary>`wharf metrics`: an app's services over a window ending now.</summary>
/// <param name="From">Where the window really starts: later than asked when the server's request history is younger.</param>
/// <param name="Note">Why figures are missing (no history yet, the router unreachable); null when all is there.</param>
public sealed record AppMetricsInfo(string App, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ServiceMetricsInfo> Services, string? Note);
