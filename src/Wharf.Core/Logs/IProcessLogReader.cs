namespace Wharf.Core.Logs;

/// <summary>
/// The runtime's side of log collection: which processes there are, and each one's output from a stored position,
/// so that a collector that stopped (a server restart, a crash) goes on exactly after the last line it stored.
/// </summary>
public interface IProcessLogReader
{
    /// <summary>The runtime's name, the prefix of the collector's cursor names (e.g. "docker").</summary>
    string Name { get; }

    /// <summary>Every process of every app whose output the runtime still holds, running or exited.</summary>
    Task<IReadOnlyList<LoggedProcess>> ListAsync(CancellationToken ct = default);

    /// <summary>The process, or null when the runtime no longer has it.</summary>
    Task<LoggedProcess?> GetAsync(string processId, CancellationToken ct = default);

    /// <summary>
    /// The process's output after <paramref name="position"/> (a <see cref="ProcessLogLine.Position"/> read earlier;
    /// null: from its first line), then, with <paramref name="follow"/>, new lines until it exits.
    /// </summary>
    /// <exception cref="Errors.NotFoundException">The process no longer exists.</exception>
    /// <exception cref="FormatException">The position is not one this reader gave out.</exception>
    IAsyncEnumerable<ProcessLogLine> ReadAsync(string processId, string? position, bool follow, CancellationToken ct = default);
}
