using Wharf.Core.Routing;

namespace Wharf.Router.Routing;

/// <summary>A route being served, with the live state of its backends.</summary>
public interface ILiveRoute
{
    Route Definition { get; }

    /// <summary>
    /// A backend in rotation (healthy, not ejected) to send the next request to, skipping <paramref name="tried"/>
    /// (backends this request already failed on); null when there is none left (the router answers 503).
    /// </summary>
    ILiveBackend? Pick(IReadOnlyCollection<ILiveBackend> tried);
}
