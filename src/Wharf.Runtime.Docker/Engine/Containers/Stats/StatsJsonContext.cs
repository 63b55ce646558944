using System.Text.Json.Serialization;

namespace Wharf.Runtime.Docker.Engine.Containers.Stats;

/// <summary>The stats endpoint is the one part of the Engine API written in snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(Http.EngineTimeConverter)])]
[JsonSerializable(typeof(StatsSample))]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
