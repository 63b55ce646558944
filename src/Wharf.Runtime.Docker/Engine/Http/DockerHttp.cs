using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Wharf.Runtime.Docker.Engine.System;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>
/// The one place that talks HTTP to the engine: versioned paths, timeouts, and engine errors turned
/// into <see cref="DockerEngineException"/>s. Feature clients describe requests and read typed answers.
/// </summary>
internal sealed class DockerHttp : IDisposable
{
    private readonly HttpClient _http;
    private readonly ApiVersionNegotiator _api;
    private readonly TimeSpan _requestTimeout;
    private readonly ILogger _logger;
    private readonly string _socketPath;

    public DockerHttp(DockerClientOptions options, ILogger logger)
    {
        var socketPath = DockerSocketAddress.Resolve(options.SocketPath, Environment.GetEnvironmentVariable("DOCKER_HOST"));
        _socketPath = socketPath;
        Endpoint = "unix://" + socketPath;
        _logger = logger;
        _requestTimeout = options.RequestTimeout;
        // The host name is never resolved (the handler dials the socket) but the engine wants a valid Host header.
        _http = new HttpClient(UnixSocketHandler.Create(socketPath))
        {
            BaseAddress = new Uri("http://docker/"),
            // Per-request timeouts below: a fixed client timeout would cut log follows and long builds.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _api = new ApiVersionNegotiator(Version.Parse(options.MaxApiVersion), Endpoint, logger);
    }

    /// <summary>unix:///path/to/docker.sock, for messages.</summary>
    public string Endpoint { get; }

    public ValueTask<string> GetApiVersionAsync(CancellationToken ct) => _api.GetAsync(ReadVersionAsync, ct);

    /// <summary>GET /version without a version prefix: the one call that must work before negotiation.</summary>
    public Task<EngineVersion> ReadVersionAsync(CancellationToken ct) =>
        ReadJsonCoreAsync(DockerRequest.Get("version"), DockerJsonContext.Default.EngineVersion, versioned: false, ct);

    public Task<T> ReadJsonAsync<T>(DockerRequest request, JsonTypeInfo<T> type, CancellationToken ct) =>
        ReadJsonCoreAsync(request, type, versioned: true, ct);

    /// <summary>Like <see cref="ReadJsonAsync{T}"/>, but a 404 reads as "there is no such thing".</summary>
    public async Task<T?> ReadJsonOrNullAsync<T>(DockerRequest request, JsonTypeInfo<T> type, CancellationToken ct)
        where T : class
    {
        try
        {
            return await ReadJsonAsync(request, type, ct);
        }
        catch (DockerEngineException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public async Task<string> ReadStringAsync(DockerRequest request, CancellationToken ct)
    {
        using var timeout = TimeoutScope.Start(LimitFor(request), ct);
        try
        {
            using var response = await SendCoreAsync(request, versioned: true, timeout.Token);
            return await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.TimedOut)
        {
            throw TimedOut(request, timeout.Limit);
        }
    }

    /// <summary>Sends a request whose answer has no body worth reading (204, 201, 304).</summary>
    public async Task SendAsync(DockerRequest request, CancellationToken ct) => await ReadStringAsync(request, ct);

    /// <summary>
    /// Sends a request and hands back the response once its headers are in; the body (a log, event or
    /// build stream) is then bounded by the caller's token only. The caller disposes the response.
    /// </summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(DockerRequest request, CancellationToken ct)
    {
        using var timeout = TimeoutScope.Start(LimitFor(request), ct);
        try
        {
            return await SendCoreAsync(request, versioned: true, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.TimedOut)
        {
            throw TimedOut(request, timeout.Limit);
        }
    }

    /// <summary>
    /// Sends a POST that the engine upgrades to a raw two-way stream (exec attach with stdin). The limit covers the
    /// answer's head only; the stream itself lasts as long as the caller's token allows. The caller disposes it.
    /// </summary>
    public async Task<HijackedStream> HijackAsync(DockerRequest request, CancellationToken ct)
    {
        using var timeout = TimeoutScope.Start(LimitFor(request), ct);
        try
        {
            var prefix = $"v{await GetApiVersionAsync(timeout.Token)}/";
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(timeout.Token);
            return await HijackRequest.SendAsync(_socketPath, prefix + request.Path + request.Query, body, request.ToString(), timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.TimedOut)
        {
            throw TimedOut(request, timeout.Limit);
        }
        catch (SocketException e)
        {
            DockerLog.Unreachable(_logger, Endpoint, e);
            throw new DockerEngineException(
                $"Docker engine not reachable at {Endpoint}: {e.Message}. Is dockerd running? (scripts/lib/docker.sh ensure_docker starts it)",
                0, null, e);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _api.Dispose();
    }

    private async Task<T> ReadJsonCoreAsync<T>(DockerRequest request, JsonTypeInfo<T> type, bool versioned, CancellationToken ct)
    {
        using var timeout = TimeoutScope.Start(LimitFor(request), ct);
        try
        {
            using var response = await SendCoreAsync(request, versioned, timeout.Token);
            return await response.Content.ReadFromJsonAsync(type, timeout.Token)
                ?? throw new DockerEngineException($"The Docker engine answered {request} with an empty body.");
        }
        catch (OperationCanceledException) when (timeout.TimedOut)
        {
            throw TimedOut(request, timeout.Limit);
        }
        catch (JsonException e)
        {
            throw new DockerEngineException($"The Docker engine's answer to {request} is not the JSON Wharf expects: {e.Message}", e);
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(DockerRequest request, bool versioned, CancellationToken ct)
    {
        var prefix = versioned ? $"v{await GetApiVersionAsync(ct)}/" : "";
        using var message = new HttpRequestMessage(request.Method, prefix + request.Path + request.Query);
        message.Content = request.Content;
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        var sentAt = global::System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
            var elapsed = global::System.Diagnostics.Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
            var status = (int)response.StatusCode;
            DockerLog.Answered(_logger, request, status, elapsed);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            DockerLog.Unreachable(_logger, Endpoint, e);
            // A missing socket file reads as "Cannot assign requested address" from the socket layer; say what it means.
            var cause = File.Exists(_socketPath) ? e.InnerException?.Message ?? e.Message : "there is no socket file there";
            throw new DockerEngineException(
                $"Docker engine not reachable at {Endpoint}: {cause}. Is dockerd running? (scripts/lib/docker.sh ensure_docker starts it)",
                0, null, e);
        }

        // 304 is how start and stop say "it already was": not an error for callers that want a state.
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            var engineMessage = ParseErrorMessage(body);
            DockerLog.RequestFailed(_logger, request, (int)response.StatusCode, engineMessage);
            throw EngineErrors.ToException((int)response.StatusCode, engineMessage, request.ToString());
        }
    }

    private static string? ParseErrorMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, DockerJsonContext.Default.EngineErrorBody)?.Message ?? body.Trim();
        }
        catch (JsonException)
        {
            return body.Trim();
        }
    }

    private TimeSpan LimitFor(DockerRequest request) => request.Timeout ?? _requestTimeout + request.ExtraTime;

    private DockerEngineException TimedOut(DockerRequest request, TimeSpan limit) =>
        new($"The Docker engine at {Endpoint} did not answer {request} within {limit.TotalSeconds:0.#} s: it may be overloaded or hung (see its log).");
}
