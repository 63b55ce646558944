namespace Wharf.Router.Routing;

/// <summary>How a drain ended: the answer of POST /drain.</summary>
/// <param name="Drained">No request was in flight to the addresses any more before the timeout.</param>
/// <param name="InFlight">Requests still in flight to them when the drain ended.</param>
public sealed record DrainResult(bool Drained, int InFlight);
