namespace Wharf.Core.Routing;

/// <summary>
/// The processes the API has seen pass their health check (a rollout, a rolling restart): the route table marks
/// them <see cref="RouteBackend.Ready"/>, so the router puts them in rotation without waiting for its own check.
/// Memory only: after an API restart the router's own checks decide.
/// </summary>
public sealed class ReadyProcesses : ProcessIdSet;
