namespace Wharf.Router.Routing;

/// <summary>Finds the route for a request's host in the table being served now. Called on every request: no locks, no allocation.</summary>
public interface IRouteResolver
{
    /// <param name="host">The Host header's name, without port; any case.</param>
    /// <returns>The route, or null when no route has that host (the router answers 404).</returns>
    ILiveRoute? Resolve(string host);
}
