using Wharf.Core.Logs;

namespace Wharf.Storage.Logs;

/// <summary>An entry a scan found, with its place in the log (<see cref="LogPosition.Key"/>) to order equal times by.</summary>
internal readonly record struct FoundEntry(long Position, LogEntry Entry)
{
    public (long Ticks, long Position) OrderKey => (Entry.Time.UtcTicks, Position);
}
