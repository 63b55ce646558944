using Wharf.Core.Routing;

namespace Wharf.Core.Tests.Fakes;

/// <summary>One call to <see cref="RecordingRouterControl"/>: "apply" (with its table) or "drain" (with its addresses).</summary>
public sealed record RouterCall(string Kind, RouteTable? Table, IReadOnlyList<string> Addresses, bool Failed);
