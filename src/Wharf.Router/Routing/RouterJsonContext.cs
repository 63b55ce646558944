using System.Text.Json;
using System.Text.Json.Serialization;
using Wharf.Core.Metrics;
using Wharf.Core.Routing;
using Wharf.Router.Control;

namespace Wharf.Router.Routing;

/// <summary>
/// The router's JSON, on the control socket and on disk: camelCase, TimeSpans as "00:00:05". A null where the
/// contract has no nullable (a route's "hosts": null) is a JSON error, answered 400 like malformed JSON.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(RouteTable))]
[JsonSerializable(typeof(RouterStatus))]
[JsonSerializable(typeof(IReadOnlyList<RouterCertificate>))]
[JsonSerializable(typeof(DrainRequest))]
[JsonSerializable(typeof(DrainResult))]
[JsonSerializable(typeof(IReadOnlyList<RequestCounters>))]
internal sealed partial class RouterJsonContext : JsonSerializerContext
{
    /// <summary>For writing the saved table, which is meant to be readable (reading uses <see cref="JsonSerializerContext"/>'s Default).</summary>
    public static RouterJsonContext Indented { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
}
