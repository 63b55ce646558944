namespace Wharf.Router.Routing;

/// <summary>Where a backend stands with the router's active checks.</summary>
internal enum BackendPhase
{
    /// <summary>New to the router and not reported ready: out of rotation until its first check passes.</summary>
    Pending,

    /// <summary>Its last check passed (or the API said it was ready): in rotation unless ejected.</summary>
    Healthy,

    /// <summary>It was healthy and then failed its checks: out of rotation until a check passes again.</summary>
    Unhealthy,
}
