using Wharf.Cli.Client;
using Wharf.Core.Api;

namespace Wharf.Cli.Deploy;

/// <summary>
/// Prints a deployment's log as the server writes it, until the deployment ends, and returns how it ended.
/// When the stream ends or breaks early (a proxy timeout, a server restart), it reconnects and skips the
/// lines already printed: the log only ever grows, so line counts line up.
/// </summary>
internal sealed class DeploymentFollower(WharfClient client, Action<string> writeLine)
{
    private const int MaxBrokenInARow = 5;
    private const int RecentKept = 200;
    private static readonly TimeSpan _maxPause = TimeSpan.FromSeconds(2);
    private readonly Queue<string> _recent = new();
    private int _printed;

    /// <summary>Whether the log's last lines, as printed, include <paramref name="line"/>.</summary>
    public bool RecentlyPrinted(string line) => _recent.Contains(line);

    public async Task<DeploymentInfo> FollowAsync(string app, int id, CancellationToken ct)
    {
        var broken = 0;
        var interrupted = false;
        var pause = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await PrintNewLinesAsync(app, id, follow: true, ct);
                broken = 0;
            }
            catch (WharfUnreachableException) when (++broken < MaxBrokenInARow)
            {
                // Tried again below, after a pause; the fifth failure in a row is reported.
                interrupted = true;
            }

            var deployment = await client.GetDeploymentAsync(app, id, ct);
            if (DeploymentStatuses.IsFinished(deployment.Status))
            {
                // A stream that ended before the deployment did may have missed its last lines.
                if (interrupted)
                {
                    await PrintNewLinesAsync(app, id, follow: false, ct);
                }

                return deployment;
            }

            interrupted = true;
            await Task.Delay(pause, ct);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, _maxPause.Ticks));
        }
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
