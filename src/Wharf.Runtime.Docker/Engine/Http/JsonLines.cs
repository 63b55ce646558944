using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>
/// Reads the engine's streamed JSON (build progress, events, stats): Go's json.Encoder writes one
/// value per line, so a line reader is enough and never splits a value.
/// </summary>
internal static class JsonLines
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream, JsonTypeInfo<T> typeInfo, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            T? value;
            try
            {
                value = JsonSerializer.Deserialize(line, typeInfo);
            }
            catch (JsonException e)
            {
                throw new DockerEngineException($"The Docker engine sent a stream line that is not JSON: {Truncate(line)}", e);
            }

            if (value is not null)
            {
                yield return value;
            }
        }
    }

    private static string Truncate(string line) => line.Length <= 200 ? line : line[..200] + "...";
}
