using Wharf.Core.Routing;

namespace Wharf.Router.Routing;

/// <summary>A host name two routes claim: <paramref name="Winner"/> (first in the table) serves it.</summary>
internal sealed record HostConflict(string Host, Route Winner, Route Loser);
