namespace Wharf.Core.Routing;

/// <summary>One process a route may send requests to.</summary>
/// <param name="ProcessId">The runtime's process id; the router keys its health and in-flight counts on it and the address.</param>
/// <param name="Address">Where the process's port answers, e.g. "172.18.0.3:5000".</param>
/// <param name="Release">The release the process runs (a label for metrics and the router's status).</param>
/// <param name="Ready">
/// True when the API has just seen it pass its health check (a rollout): the router puts a backend it did not know
/// yet in rotation at once. False (processes the reconciler restarted, everything after an API restart): a backend
/// new to the router waits for its own first passing check. A backend the router already knows keeps its health.
/// </param>
public sealed record RouteBackend(string ProcessId, string Address, int Release, bool Ready);
