using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Wharf.Router.Routing;

namespace Wharf.Router.Forwarding;

/// <summary>
/// Passes every app request to a backend of the route its host names and streams the answer back; answers 404,
/// 502, 503 or 504 itself when it cannot. Retries on another backend only while that is safe: when nothing of the
/// request was sent, or for an idempotent request without a body whose connection broke before any response; once
/// every backend was tried, the same ones again after a short pause, up to three attempts in all.
/// </summary>
internal sealed class RequestForwarder(
    IRouteResolver routes, BackendClient client, RequestIds requestIds, RouterOptions options, ILogger<RequestForwarder> logger) : IDisposable
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan _retryPause = TimeSpan.FromMilliseconds(50);
    private static readonly Task<long> _noBody = Task.FromResult(0L);
    private readonly TimeoutSourcePool _timeouts = new();

    public Task InvokeAsync(HttpContext context)
    {
        var host = HostName.WithoutPort(context.Request.Host.Value ?? string.Empty);
        var route = host.Length == 0 ? null : routes.Resolve(host);
        return route is null ? ErrorPages.NoRouteAsync(context, host) : ForwardAsync(context, host, route);
    }

    public void Dispose() => _timeouts.Dispose();

    /// <remarks>One async method for every attempt: one state machine per request on the hot path.</remarks>
    private async Task ForwardAsync(HttpContext context, string host, ILiveRoute route)
    {
        var started = Stopwatch.GetTimestamp();
        var upgrade = ClientUpgrade.Of(context, out var unsupported);
        if (unsupported)
        {
            await ErrorPages.UnsupportedUpgradeAsync(context);
            return;
        }

        var content = !upgrade.Requested && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
            ? new StreamingRequestContent(context.Request.BodyReader)
            : null;
        var requestId = requestIds.Of(context.Request);
        var aborted = context.RequestAborted;
        var timeout = _timeouts.Rent();
        var link = aborted.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), timeout);
        List<ILiveBackend>? tried = null;
        BackendFailure failure = default;
        ILiveBackend? answered = null;
        long answeredAt = 0, responseBytes = -1;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var backend = route.Pick(tried is null ? Array.Empty<ILiveBackend>() : tried);
                if (backend is null)
                {
                    // A deploy may have swapped the table since this request looked its route up, and the backends it
                    // saw have left it: the request goes on with the route being served now (its new processes).
                    route = CurrentRoute(host, route);
                    backend = route.Pick(tried is null ? Array.Empty<ILiveBackend>() : tried);
                }

                if (backend is null && tried is not null)
                {
                    // Every backend failed this request once. A reset or refused connection is often passing (a full
                    // accept queue, a stale pooled connection), so the request goes round once more after a pause
                    // rather than failing at once: a route with one process has no other backend to try.
                    await Task.Delay(_retryPause, aborted);
                    route = CurrentRoute(host, route);
                    backend = route.Pick(Array.Empty<ILiveBackend>());
                }

                if (backend is null)
                {
                    await (attempt > 1
                        ? ErrorPages.FailedAsync(context, route.Definition, failure)
                        : ErrorPages.NoHealthyProcessAsync(context, route.Definition));
                    return;
                }

                backend.Enter();
                try
                {
                    var request = BackendRequest.Create(context, backend, content, upgrade, requestId);
                    timeout.CancelAfter(route.Definition.Timeout);
                    content?.ExtendOnProgress(timeout, route.Definition.Timeout);
                    HttpResponseMessage? response = null;
                    try
                    {
                        response = await client.Invoker.SendAsync(request, timeout.Token);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                    {
                        failure = BackendFailure.Classify(ex, aborted.IsCancellationRequested, timeout.IsCancellationRequested,
                            content?.ClientFailed == true, options.ConnectTimeout);
                    }
                    finally
                    {
                        content?.ExtendOnProgress(null, Timeout.InfiniteTimeSpan);
                    }

                    if (response is not null)
                    {
                        answered = backend;
                        using (response)
                        {
                            timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                            if (upgrade.Requested && response.StatusCode == HttpStatusCode.SwitchingProtocols)
                            {
                                // A tunnel's life is not a request's latency: its duration ends at the switch.
                                answeredAt = Stopwatch.GetTimestamp();
                                await TunnelAsync(context, upgrade, response);
                            }
                            else
                            {
                                responseBytes = await CopyResponseAsync(context, response, backend);
                            }
                        }

                        return;
                    }
                }
                catch (Exception ex) when (!aborted.IsCancellationRequested && ex is not OperationCanceledException)
                {
                    RouterLog.Unexpected(logger, ex, context.Request.Method, context.Request.Host.Value ?? string.Empty, backend.Address);
                    if (context.Response.HasStarted)
                    {
                        context.Abort();
                        return;
                    }

                    failure = new BackendFailure(FailureKind.BadResponse, "the router failed to forward the request");
                }
                finally
                {
                    backend.Leave();
                }

                if (failure.Kind == FailureKind.ClientAborted)
                {
                    return;
                }

                if (failure.Kind is FailureKind.ConnectFailed or FailureKind.ConnectionBroken)
                {
                    backend.ReportFailure(failure.Reason);
                }

                if (attempt < MaxAttempts && CanRetry(context.Request.Method, failure, content))
                {
                    RouterLog.Retrying(logger, context.Request.Method, context.Request.Host.Value ?? string.Empty, backend.Address, route.Definition.Service, route.Definition.App, failure.Reason);
                    (tried ??= new List<ILiveBackend>(MaxAttempts)).Add(backend);
                    continue;
                }

                RouterLog.Failed(logger, context.Request.Method, context.Request.Host.Value ?? string.Empty, ErrorPages.StatusOf(failure), route.Definition.Service, route.Definition.App, failure.Reason);
                await ErrorPages.FailedAsync(context, route.Definition, failure);
                return;
            }
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            // The client went away mid-way: nobody to answer, nothing wrong with the router.
        }
        finally
        {
            link.Dispose();
            _timeouts.Return(timeout);
            Count(context, answered?.Metrics ?? route.Metrics, started, answeredAt, content, responseBytes);
        }
    }

    /// <summary>The route of <paramref name="host"/> in the table served now; <paramref name="route"/> if it has none any more.</summary>
    private ILiveRoute CurrentRoute(string host, ILiveRoute route) => routes.Resolve(host) ?? route;

    /// <summary>
    /// Counts the request for its app, service and release (those of the backend that answered, else the route's).
    /// A request whose client went away before any answer started is not counted: nobody got a status.
    /// </summary>
    private static void Count(HttpContext context, Metrics.RequestMetricsCell cell, long started, long answeredAt, StreamingRequestContent? content, long responseBytes)
    {
        var response = context.Response;
        if (context.RequestAborted.IsCancellationRequested && !response.HasStarted)
        {
            return;
        }

        var elapsed = (answeredAt != 0 ? answeredAt : Stopwatch.GetTimestamp()) - started;
        cell.Record(response.StatusCode, elapsed, content?.Sent ?? 0, responseBytes >= 0 ? responseBytes : response.ContentLength ?? 0);
    }

    private static async Task TunnelAsync(HttpContext context, ClientUpgrade upgrade, HttpResponseMessage response)
    {
        _ = ResponseHead.Copy(response, context.Response, upgraded: true);
        var clientStream = await upgrade.AcceptAsync(context.Response);
        var backendStream = response.Content.ReadAsStream(context.RequestAborted);
        await UpgradeTunnel.RunAsync(clientStream, backendStream, context.RequestAborted);
    }

    private Task<long> CopyResponseAsync(HttpContext context, HttpResponseMessage response, ILiveBackend backend)
    {
        var length = ResponseHead.Copy(response, context.Response, upgraded: false);
        return length == 0 ? _noBody : CopyBodyAsync(context, response, backend, length);
    }

    /// <summary>Returns the body bytes sent to the client.</summary>
    private async Task<long> CopyBodyAsync(HttpContext context, HttpResponseMessage response, ILiveBackend backend, long length)
    {
        var aborted = context.RequestAborted;
        try
        {
            // The handler's response content is a stream already: nothing blocks here, and no task is allocated.
            var body = response.Content.ReadAsStream(aborted);
            return await StreamPump.CopyAsync(body, context.Response.Body, length, flush: false, context.Response, aborted);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or HttpRequestException)
        {
            if (aborted.IsCancellationRequested)
            {
                return 0;
            }

            // The headers (maybe part of the body) are out: closing the connection is the only way to tell the client
            // the response is incomplete, rather than letting it look whole.
            RouterLog.ResponseBroken(logger, context.Request.Method, context.Request.Host.Value ?? string.Empty, backend.Address, ex.Message);
            context.Abort();
            return 0;
        }
    }

    private static bool CanRetry(string method, BackendFailure failure, StreamingRequestContent? content) => failure.Kind switch
    {
        FailureKind.ConnectFailed => content is null || !content.Consumed,
        FailureKind.ConnectionBroken => content is null && IsIdempotent(method),
        _ => false,
    };

    private static bool IsIdempotent(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
        || HttpMethods.IsTrace(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);
}
