using System.Runtime.CompilerServices;
using Wharf.Runtime.Docker.Engine.Http;

namespace Wharf.Runtime.Docker.Engine.System;

internal sealed class DockerSystem(DockerHttp http) : IDockerSystem
{
    public async Task PingAsync(CancellationToken ct = default)
    {
        var answer = await http.ReadStringAsync(DockerRequest.Get("_ping"), ct);
        if (!string.Equals(answer.Trim(), "OK", StringComparison.Ordinal))
        {
            throw new DockerEngineException($"The Docker engine at {http.Endpoint} answered ping with '{answer}' instead of OK.");
        }
    }

    public Task<EngineVersion> GetVersionAsync(CancellationToken ct = default) => http.ReadVersionAsync(ct);

    public async Task<string> GetApiVersionAsync(CancellationToken ct = default) => await http.GetApiVersionAsync(ct);

    public Task<EngineInfo> GetInfoAsync(CancellationToken ct = default) =>
        http.ReadJsonAsync(DockerRequest.Get("info"), DockerJsonContext.Default.EngineInfo, ct);

    public async IAsyncEnumerable<DockerEvent> StreamEventsAsync(EventsQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var parameters = new DockerQuery()
            .Add("since", EngineTime.ToUnixSeconds(query.Since))
            .Add("until", EngineTime.ToUnixSeconds(query.Until))
            .AddFilters(query.Filters);
        // Only the caller decides how long to listen; a quiet engine sends nothing for minutes.
        var request = DockerRequest.Get("events", parameters) with { Timeout = Timeout.InfiniteTimeSpan };
        using var response = await http.OpenStreamAsync(request, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var item in JsonLines.ReadAsync(stream, DockerJsonContext.Default.DockerEvent, ct))
        {
            yield return item;
        }
    }
}
