using Wharf.Runtime.Docker.Engine.Streams;

namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>Bytes the command wrote to one of its streams, as one write; lines may span or share chunks.</summary>
/// <param name="Source">stdout or stderr; <see cref="LogSource.System"/> is the engine's own error text.</param>
public readonly record struct ExecOutputChunk(LogSource Source, ReadOnlyMemory<byte> Bytes);
