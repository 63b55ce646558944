using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Wharf.Cli.Client;

/// <summary>The API's JSON shape (web defaults), with source-generated metadata first and reflection for the rest.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerOptions.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }
}
