using System.Collections.Concurrent;
using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Support;

/// <summary>A route table the test fills in: exact host names, any case.</summary>
public sealed class FakeRouteResolver : IRouteResolver
{
    private readonly ConcurrentDictionary<string, ILiveRoute> _routes = new(StringComparer.OrdinalIgnoreCase);

    public void Add(FakeRoute route)
    {
        foreach (var host in route.Definition.Hosts)
        {
            _routes[host] = route;
        }
    }

    public ILiveRoute? Resolve(string host) => _routes.GetValueOrDefault(host);
}
