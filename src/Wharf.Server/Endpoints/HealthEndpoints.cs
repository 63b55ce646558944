namespace Wharf.Server.Endpoints;

public static class HealthEndpoints
{
    /// <summary>GET /health: no token needed, so load balancers and `wharf login` can probe it.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous();
        return routes;
    }
}
