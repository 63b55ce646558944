using Wharf.Router.Metrics;

namespace Wharf.Router.Routing;

/// <summary>One backend of a route being served. Its in-flight count and health outlive table swaps, so draining a process taken out of rotation still sees its requests.</summary>
public interface ILiveBackend
{
    string ProcessId { get; }

    /// <summary>"IP:PORT".</summary>
    string Address { get; }

    /// <summary>
    /// The name of its own pool of connections in the router's backend client ("b17"), unique to this backend: a later
    /// process given the same address (Docker hands a stopped container's IP to the next one) never gets a connection
    /// that was opened to this one.
    /// </summary>
    string ConnectionPool { get; }

    int Release { get; }

    /// <summary>Where the requests it answers are counted: its app, service and release.</summary>
    RequestMetricsCell Metrics { get; }

    /// <summary>A request to it starts: counted until <see cref="Leave"/> (drains wait for zero).</summary>
    void Enter();

    void Leave();

    /// <summary>Connecting failed, or the connection broke before any response: out of rotation for the cool-off, then checked again.</summary>
    void ReportFailure(string reason);
}
