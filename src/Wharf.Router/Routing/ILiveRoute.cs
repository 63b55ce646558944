using Wharf.Core.Routing;
using Wharf.Router.Metrics;

namespace Wharf.Router.Routing;

/// <summary>A route being served, with the live state of its backends.</summary>
public interface ILiveRoute
{
    Route Definition { get; }

    /// <summary>Where requests no backend answered (503 and the like) are counted: the route's app, service and release.</summary>
    RequestMetricsCell Metrics { get; }

    /// <summary>
    /// A backend in rotation (healthy, not ejected) to send the next request to, skipping <paramref name="tried"/>
    /// (backends this request already failed on); null when there is none left (the router answers 503).
    /// </summary>
    ILiveBackend? Pick(IReadOnlyCollection<ILiveBackend> tried);
}
