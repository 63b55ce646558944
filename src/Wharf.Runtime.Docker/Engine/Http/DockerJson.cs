using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>JSON request bodies and JSON-valued query parameters (filters, labels, build args).</summary>
internal static class DockerJson
{
    public static JsonContent Content<T>(T value, JsonTypeInfo<T> type) => JsonContent.Create(value, type);

    public static string Serialize(IReadOnlyDictionary<string, string> values) =>
        JsonSerializer.Serialize(values, DockerJsonContext.Default.IReadOnlyDictionaryStringString);

    public static string Serialize(DockerFilters filters) =>
        JsonSerializer.Serialize(
            filters.Values.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            DockerJsonContext.Default.DictionaryStringStringArray);
}
