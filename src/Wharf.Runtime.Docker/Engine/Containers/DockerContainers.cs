using System.Globalization;
using System.Runtime.CompilerServices;
using Wharf.Runtime.Docker.Engine.Containers.Stats;
using Wharf.Runtime.Docker.Engine.Http;
using Wharf.Runtime.Docker.Engine.Streams;

namespace Wharf.Runtime.Docker.Engine.Containers;

internal sealed class DockerContainers(DockerHttp http) : IDockerContainers
{
    public Task<ContainerCreated> CreateAsync(ContainerSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var body = DockerJson.Content(ContainerCreateBody.From(spec), DockerJsonContext.Default.ContainerCreateBody);
        var request = DockerRequest.Post("containers/create", new DockerQuery().Add("name", spec.Name), body);
        return http.ReadJsonAsync(request, DockerJsonContext.Default.ContainerCreated, ct);
    }

    public Task StartAsync(string id, CancellationToken ct = default) =>
        http.SendAsync(DockerRequest.Post($"containers/{id}/start"), ct);

    public Task StopAsync(string id, TimeSpan grace, CancellationToken ct = default)
    {
        var seconds = (long)Math.Ceiling(Math.Max(0, grace.TotalSeconds));
        var request = DockerRequest.Post($"containers/{id}/stop", new DockerQuery().Add("t", seconds)) with
        {
            ExtraTime = TimeSpan.FromSeconds(seconds),
        };
        return http.SendAsync(request, ct);
    }

    public Task KillAsync(string id, string signal = "SIGKILL", CancellationToken ct = default) =>
        http.SendAsync(DockerRequest.Post($"containers/{id}/kill", new DockerQuery().Add("signal", signal)), ct);

    public Task RemoveAsync(string id, bool force = false, bool removeVolumes = false, CancellationToken ct = default) =>
        http.SendAsync(DockerRequest.Delete($"containers/{id}", new DockerQuery().Add("force", force).Add("v", removeVolumes)), ct);

    public Task RenameAsync(string id, string newName, CancellationToken ct = default) =>
        http.SendAsync(DockerRequest.Post($"containers/{id}/rename", new DockerQuery().Add("name", newName)), ct);

    public Task<ContainerInspect?> InspectAsync(string id, CancellationToken ct = default) =>
        http.ReadJsonOrNullAsync(DockerRequest.Get($"containers/{id}/json"), DockerJsonContext.Default.ContainerInspect, ct);

    public async Task<IReadOnlyList<ContainerSummary>> ListAsync(DockerFilters? filters = null, bool all = true, CancellationToken ct = default) =>
        await http.ReadJsonAsync(
            DockerRequest.Get("containers/json", new DockerQuery().Add("all", all).AddFilters(filters)),
            DockerJsonContext.Default.IReadOnlyListContainerSummary,
            ct);

    public async Task<ContainerExit> WaitAsync(string id, WaitCondition condition = WaitCondition.NotRunning, CancellationToken ct = default)
    {
        var request = DockerRequest.Post($"containers/{id}/wait", new DockerQuery().Add("condition", ConditionName(condition))) with
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var answer = await http.ReadJsonAsync(request, DockerJsonContext.Default.WaitResponseBody, ct);
        return new ContainerExit(answer.StatusCode, answer.Error?.Message);
    }

    public async IAsyncEnumerable<LogLine> GetLogsAsync(string id, LogsOptions options, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Only a container without a TTY has its output multiplexed; the engine does not say which in 1.41.
        var container = await InspectAsync(id, ct)
            ?? throw new DockerEngineException($"container {id} not found: it may have been removed already", 404, null);
        var query = new DockerQuery()
            .Add("stdout", options.StdOut)
            .Add("stderr", options.StdErr)
            .Add("follow", options.Follow)
            .Add("timestamps", options.Timestamps)
            .Add("since", EngineTime.ToUnixSeconds(options.Since))
            .Add("until", EngineTime.ToUnixSeconds(options.Until))
            .Add("tail", options.Tail?.ToString(CultureInfo.InvariantCulture));
        // A followed log sends nothing, headers included, until the container writes something.
        var request = DockerRequest.Get($"containers/{id}/logs", query) with
        {
            Timeout = options.Follow ? Timeout.InfiniteTimeSpan : null,
        };
        using var response = await http.OpenStreamAsync(request, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var line in OutputReader.ReadLinesAsync(stream, multiplexed: !container.Config.Tty, options.Timestamps, ct))
        {
            yield return line;
        }
    }

    public async IAsyncEnumerable<LogRecord> GetLogRecordsAsync(
        string id, long? sinceUnixNanos, bool follow, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var container = await InspectAsync(id, ct)
            ?? throw new DockerEngineException($"container {id} not found: it may have been removed already", 404, null);
        var query = new DockerQuery()
            .Add("stdout", true)
            .Add("stderr", true)
            .Add("follow", follow)
            .Add("timestamps", true)
            .Add("since", EngineTime.ToUnixSecondsExact(sinceUnixNanos));
        var request = DockerRequest.Get($"containers/{id}/logs", query) with
        {
            Timeout = follow ? Timeout.InfiniteTimeSpan : null,
        };
        using var response = await http.OpenStreamAsync(request, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var record in LogRecordReader.ReadAsync(stream, multiplexed: !container.Config.Tty, ct))
        {
            yield return record;
        }
    }

    public async Task<ContainerStats> GetStatsAsync(string id, CancellationToken ct = default)
    {
        var request = DockerRequest.Get($"containers/{id}/stats", new DockerQuery().Add("stream", false));
        var sample = await http.ReadJsonAsync(request, StatsJsonContext.Default.StatsSample, ct);
        return StatsCalculator.Compute(sample);
    }

    public async IAsyncEnumerable<ContainerStats> StreamStatsAsync(string id, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var request = DockerRequest.Get($"containers/{id}/stats", new DockerQuery().Add("stream", true));
        using var response = await http.OpenStreamAsync(request, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var sample in JsonLines.ReadAsync(stream, StatsJsonContext.Default.StatsSample, ct))
        {
            yield return StatsCalculator.Compute(sample);
        }
    }

    private static string ConditionName(WaitCondition condition) => condition switch
    {
        WaitCondition.NextExit => "next-exit",
        WaitCondition.Removed => "removed",
        _ => "not-running",
    };
}
