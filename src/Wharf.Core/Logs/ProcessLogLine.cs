using Wharf.Core.Runtime;

namespace Wharf.Core.Logs;

/// <summary>One line a process wrote, as a <see cref="IProcessLogReader"/> reads it back.</summary>
/// <param name="Time">The runtime's timestamp of the line.</param>
/// <param name="Position">
/// Where reading resumes to get the lines after this one, or null when no position can be given here (another
/// stream is halfway through a long line): a collector stores a batch with the position of its last line that has one.
/// </param>
public sealed record ProcessLogLine(OutputChannel Stream, string Text, DateTimeOffset Time, string? Position);
