namespace Wharf.Runtime.Docker.Engine.Streams;

/// <summary>One frame of a multiplexed stream: the bytes as written, lines may span or share frames.</summary>
internal readonly record struct LogFrame(LogSource Source, ReadOnlyMemory<byte> Payload);
