namespace Wharf.Runtime.Docker.Engine.Streams;

/// <summary>One line of container output, without its line ending.</summary>
/// <param name="Timestamp">When the engine received the line; only when timestamps were asked for.</param>
public sealed record LogLine(LogSource Source, string Text, DateTimeOffset? Timestamp = null);
