using Wharf.Core.Runtime;

namespace Wharf.Core.Processes;

/// <summary>Reads what a process wrote, for exit reports and failure messages.</summary>
public static class ProcessLogs
{
    /// <summary>The last <paramref name="lines"/> lines, or an empty list when the runtime cannot give them any more.</summary>
    public static async Task<IReadOnlyList<string>> TailAsync(IProcessRuntime runtime, string id, int lines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var tail = new List<string>();
        try
        {
            await foreach (var line in runtime.LogsAsync(id, follow: false, tail: lines, ct))
            {
                tail.Add(line.Text);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Logs are a courtesy in a report about a process that is gone; the report itself matters more.
        }

        return tail.Count > lines ? tail[^lines..] : tail;
    }
}
