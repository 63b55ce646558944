namespace Wharf.Router.Control;

/// <summary>The body of POST /drain: wait until nothing is in flight to <paramref name="Addresses"/>, at most <paramref name="TimeoutMs"/>.</summary>
public sealed record DrainRequest(IReadOnlyList<string> Addresses, int TimeoutMs);
