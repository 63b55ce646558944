using Microsoft.AspNetCore.Routing;

namespace Wharf.Router.Control;

/// <summary>
/// The control API served on the router's unix socket. Placeholder so the host compiles: the routing work owns
/// this file and replaces it with the real endpoints.
/// </summary>
public static class RouterControlEndpoints
{
    public static IEndpointRouteBuilder MapRouterControl(this IEndpointRouteBuilder endpoints) => endpoints;
}
