namespace Wharf.Core.Routing;

/// <summary>The outcome of one health check.</summary>
/// <param name="Description">What happened, as a user reads it: "GET /health answered 404 Not Found", "GET / got no answer within 4 s".</param>
public sealed record HealthCheckResult(bool Passed, string Description);
