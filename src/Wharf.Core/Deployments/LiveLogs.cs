using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Wharf.Core.Blobs;

namespace Wharf.Core.Deployments;

/// <summary>
/// The logs being written now, by blob key. A reader gets a live log's lines (and, following, its new ones); once a
/// log has ended it is read from its blob, which holds every line before the live copy is dropped.
/// </summary>
public sealed class LiveLogs(IBlobStore blobs, DeploymentOptions options, TimeProvider clock, ILogger<LiveLogs> logger)
{
    /// <summary>Lines a log keeps; past this a build that prints without end cannot exhaust the server's memory.</summary>
    public const int MaxLines = 100_000;

    private readonly ConcurrentDictionary<string, LiveLog> _logs = new(StringComparer.Ordinal);

    /// <summary>The live log of that blob, made when it is not open yet.</summary>
    public LiveLog Open(string key) => _logs.GetOrAdd(key, k => new LiveLog(k, blobs, clock, options.LogFlushInterval, MaxLines));

    public LiveLog? Find(string key) => _logs.TryGetValue(key, out var log) ? log : null;

    /// <summary>Ends the live log (when open): its blob gets the last lines, then readers go to the blob.</summary>
    public async Task CompleteAsync(string key)
    {
        if (Find(key) is not { } log)
        {
            return;
        }

        try
        {
            await log.CompleteAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The blob store failed (a full disk, S3 away): the deployment's outcome still counts; only its log is lost.
            DeploymentLog.LogNotSaved(logger, key, e);
        }
        finally
        {
            _logs.TryRemove(key, out _);
        }
    }

    /// <summary>The log's lines: from the live log while it is written (following it when asked), else from its blob.</summary>
    public async IAsyncEnumerable<string> ReadAsync(string key, bool follow, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (Find(key) is { } live)
        {
            await foreach (var line in live.ReadAsync(follow, ct))
            {
                yield return line;
            }

            yield break;
        }

        await using var stored = await blobs.OpenReadAsync(key, ct);
        if (stored is null)
        {
            yield break;
        }

        using var reader = new StreamReader(stored, Encoding.UTF8);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            yield return line;
        }
    }
}
