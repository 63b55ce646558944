namespace Wharf.Core.Routing;

/// <summary>
/// Processes of a release that is not current yet which a rolling rollout has put in rotation next to the current
/// release's: the route table adds each to its app's route for the same service (with its own release on the
/// backend), until the rollout makes its release current or fails.
/// </summary>
public sealed class JoiningProcesses : ProcessIdSet;
