using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Wharf.Cli.Client;

/// <summary>The API's JSON shape (web defaults), with the source-generated metadata of <see cref="ApiJsonContext"/> only.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same, indented for people and jq alike: what <c>--json</c> prints and the config file holds.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>
    /// The metadata <typeparamref name="T"/> is read and written with; throws NotSupportedException for a type
    /// missing from <see cref="ApiJsonContext"/>. The first call for a type also prepares it, which a caller can
    /// take off the path of a request it is waiting for.
    /// </summary>
    public static JsonTypeInfo<T> Info<T>(JsonSerializerOptions? options = null) =>
        (JsonTypeInfo<T>)(options ?? Options).GetTypeInfo(typeof(T));

    /// <summary>A request body holding <paramref name="value"/> as JSON.</summary>
    public static JsonContent Content<T>(T value) => JsonContent.Create(value, Info<T>());

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = ApiJsonContext.Default,
            WriteIndented = indented,
        };
        options.MakeReadOnly();
        return options;
    }
}
