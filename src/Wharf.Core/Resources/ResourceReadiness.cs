using System.Globalization;
using Microsoft.Extensions.Logging;
using Wharf.Core.Deployments;

namespace Wharf.Core.Resources;

/// <summary>
/// Waits until a resource's container accepts connections (pg_isready, redis-cli ping, run inside it). Fails with
/// what happened and the container's last lines when it exits, crashes and is restarted by the engine, vanishes,
/// or misses its deadline.
/// </summary>
public sealed class ResourceReadiness(IResourceRuntime runtime, ResourceTimeouts timeouts, TimeProvider clock, ILogger<ResourceReadiness> logger)
{
    public async Task<ResourceInstance> WaitAsync(
        ResourceInstance instance, string display, ResourceKind kind, ResourceCredentials credentials, LiveLog log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(log);
        var started = clock.GetTimestamp();
        while (true)
        {
            var now = await runtime.FindAsync(instance.Id, ct)
                ?? throw Failed(instance, $"Resource {display} disappeared while starting: something else removed its container", []);
            if (now.State == ResourceState.Stopped)
            {
                throw Failed(now, $"Resource {display} exited with code {Code(now)} while starting", await LastLinesAsync(now));
            }

            if (now.RestartCount > instance.RestartCount)
            {
                throw Failed(now, $"Resource {display} crashed while starting (exit code {Code(now)}) and the engine is restarting it", await LastLinesAsync(now));
            }

            var elapsed = clock.GetElapsedTime(started);
            if (now.State == ResourceState.Running && await AnswersAsync(now, kind, credentials, ct))
            {
                var seconds = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                await log.WriteAsync($"Resource {display} is ready ({now.Id[..Math.Min(12, now.Id.Length)]}, data in volume {now.Volume}) after {seconds} s");
                ResourceLog.Ready(logger, now.App, now.Name, now.Image, seconds);
                return now;
            }

            if (elapsed >= timeouts.Ready)
            {
                var limit = timeouts.Ready.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
                throw Failed(now, $"Resource {display} did not accept connections within {limit} s", await LastLinesAsync(now));
            }

            await Task.Delay(timeouts.Poll, clock, ct);
        }
    }

    private async Task<bool> AnswersAsync(ResourceInstance instance, ResourceKind kind, ResourceCredentials credentials, CancellationToken ct)
    {
        try
        {
            var result = await ResourceCommands.RunAsync(runtime, instance, kind.ReadyCheck(credentials), ct);
            return kind.IsReady(result.ExitCode, result.Stdout);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stopped between the look and the check: the next round sees how it ended.
            return false;
        }
    }

    private async Task<IReadOnlyList<string>> LastLinesAsync(ResourceInstance instance)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await runtime.LastLinesAsync(instance, timeouts.LastLines, cts.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [];
        }
    }

    private DeploymentFailedException Failed(ResourceInstance instance, string sentence, IReadOnlyList<string> lines)
    {
        ResourceLog.Failed(logger, instance.App, instance.Name, sentence);
        return new DeploymentFailedException(lines.Count == 0
            ? sentence + "; it printed nothing."
            : $"{sentence}. Its last lines:\n{string.Join('\n', lines)}");
    }

    private static string Code(ResourceInstance instance) => instance.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
}
