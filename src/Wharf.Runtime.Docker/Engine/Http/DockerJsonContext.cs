using System.Text.Json.Serialization;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Engine.Images;
using Wharf.Runtime.Docker.Engine.Networks;
using Wharf.Runtime.Docker.Engine.System;
using Wharf.Runtime.Docker.Engine.Volumes;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>
/// Source-generated JSON for every Engine API shape. Property names are written as declared
/// (PascalCase, as the engine expects) and read case-insensitively, since the engine mixes "Id",
/// "ID" and "id". Nulls are omitted so the engine applies its own defaults.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EngineTimeConverter)])]
[JsonSerializable(typeof(EngineErrorBody))]
[JsonSerializable(typeof(EngineVersion))]
[JsonSerializable(typeof(EngineInfo))]
[JsonSerializable(typeof(DockerEvent))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string[]>))]
[JsonSerializable(typeof(ImageProgressMessage))]
[JsonSerializable(typeof(ImageInspect))]
[JsonSerializable(typeof(IReadOnlyList<ImageSummary>))]
[JsonSerializable(typeof(IReadOnlyList<ImageDeleteItem>))]
[JsonSerializable(typeof(RegistryCredentials))]
[JsonSerializable(typeof(ContainerCreateBody))]
[JsonSerializable(typeof(ContainerCreated))]
[JsonSerializable(typeof(ContainerInspect))]
[JsonSerializable(typeof(IReadOnlyList<ContainerSummary>))]
[JsonSerializable(typeof(WaitResponseBody))]
[JsonSerializable(typeof(ExecCreateBody))]
[JsonSerializable(typeof(ExecStartBody))]
[JsonSerializable(typeof(ExecInspect))]
[JsonSerializable(typeof(IdResponse))]
[JsonSerializable(typeof(NetworkCreateBody))]
[JsonSerializable(typeof(NetworkCreated))]
[JsonSerializable(typeof(NetworkConnectBody))]
[JsonSerializable(typeof(NetworkDisconnectBody))]
[JsonSerializable(typeof(NetworkInspect))]
[JsonSerializable(typeof(IReadOnlyList<NetworkInspect>))]
[JsonSerializable(typeof(VolumeSpec))]
[JsonSerializable(typeof(VolumeInfo))]
[JsonSerializable(typeof(VolumeListBody))]
internal sealed partial class DockerJsonContext : JsonSerializerContext;
