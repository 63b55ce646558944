using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Wharf.Cli.Client;

/// <summary>The API's JSON shape (web defaults), with source-generated metadata first and reflection for the rest.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// Makes the metadata <typeparamref name="T"/> is read with now, on this thread: a fresh process spends several
    /// milliseconds on it the first time, which a caller can take off the path of a request it is waiting for.
    /// </summary>
    public static void Prepare<T>() => Options.GetTypeInfo(typeof(T));

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
