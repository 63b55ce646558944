using System.Diagnostics;
using Wharf.Cli.Client;
using Wharf.Core.Api;

namespace Wharf.Cli.Deploy;

/// <summary>
/// Prints a deployment's log as the server writes it, until the deployment ends, and returns how it ended.
/// When the stream ends or breaks early (a proxy timeout, a server restart or crash), it reconnects and skips the
/// lines already printed: the log only ever grows, so line counts line up. A server that cannot be reached is waited
/// for (up to <see cref="WaitForServer"/> in a row): a restart ends the deployment as interrupted, and that is what
/// the user should read, not a broken connection.
/// </summary>
internal sealed class DeploymentFollower(WharfClient client, Action<string> writeLine, Action<string> writeErrorLine)
{
    /// <summary>How long a server that cannot be reached is tried again before the command gives up.</summary>
    public static readonly TimeSpan WaitForServer = TimeSpan.FromSeconds(60);

    private const int RecentKept = 200;
    private static readonly TimeSpan _maxPause = TimeSpan.FromSeconds(2);
    private readonly Queue<string> _recent = new();
    private int _printed;

    /// <summary>Whether the log's last lines, as printed, include <paramref name="line"/>.</summary>
    public bool RecentlyPrinted(string line) => _recent.Contains(line);

    public async Task<DeploymentInfo> FollowAsync(string app, int id, CancellationToken ct)
    {
        var interrupted = false;
        long? unreachableSince = null;
        var pause = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await PrintNewLinesAsync(app, id, follow: true, ct);
                var deployment = await client.GetDeploymentAsync(app, id, ct);
                if (unreachableSince is not null)
                {
                    writeErrorLine("wharf: reconnected to the server.");
                    unreachableSince = null;
                }

                if (DeploymentStatuses.IsFinished(deployment.Status))
                {
                    // A stream that ended before the deployment did may have missed its last lines.
                    if (interrupted)
                    {
                        await PrintNewLinesAsync(app, id, follow: false, ct);
                    }

                    return deployment;
                }
            }
            catch (WharfUnreachableException e) when (StillWaiting(ref unreachableSince, out var first))
            {
                if (first)
                {
                    writeErrorLine($"wharf: lost the server ({e.Reason}); trying again for up to {WaitForServer.TotalSeconds:0} s (Ctrl+C stops following, not the deployment).");
                }
            }

            interrupted = true;
            await Task.Delay(pause, ct);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, _maxPause.Ticks));
        }
    }

    /// <summary>
    /// Whether to try again: the server has been unreachable for less than <see cref="WaitForServer"/> in a row;
    /// <paramref name="first"/> when this failure starts such a run.
    /// </summary>
    private static bool StillWaiting(ref long? unreachableSince, out bool first)
    {
        first = unreachableSince is null;
        unreachableSince ??= Stopwatch.GetTimestamp();
        return Stopwatch.GetElapsedTime(unreachableSince.Value) < WaitForServer;
    }

    private async Task PrintNewLinesAsync(string app, int id, bool follow, CancellationToken ct)
    {
        var seen = 0;
        using var response = await client.OpenDeploymentLogAsync(app, id, follow, ct);
        await foreach (var line in TextLines.ReadAsync(client, response, ct))
        {
            if (++seen > _printed)
            {
                writeLine(line);
                _printed = seen;
                _recent.Enqueue(line);
                if (_recent.Count > RecentKept)
                {
                    _recent.Dequeue();
                }
            }
        }
    }
}
