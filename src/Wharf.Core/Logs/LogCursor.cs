namespace Wharf.Core.Logs;

/// <summary>
/// How far a collector has read one source (e.g. one container's output), stored in the same atomic write as the
/// lines it covers: after a crash the store holds either a batch and the cursor that follows it, or neither.
/// A collector that reads the cursor back on start and resumes from it therefore neither loses nor repeats a line.
/// </summary>
/// <param name="App">The app whose log the batch goes to (null: the platform log). Every entry of the batch must be of it.</param>
/// <param name="Source">The collector's name for what it reads, e.g. "docker:3f2a9c…" (at most 1024 UTF-8 bytes).</param>
/// <param name="Position">
/// Opaque to the store (at most 4096 UTF-8 bytes). For Docker, e.g. the RFC 3339 nanosecond timestamp of the last
/// line stored plus how many lines carried exactly that timestamp, so that the lines <c>docker logs --since</c>
/// repeats (it is inclusive) can be skipped.
/// </param>
public sealed record LogCursor(string? App, string Source, string Position);
