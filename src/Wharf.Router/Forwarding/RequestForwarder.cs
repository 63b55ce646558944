using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Wharf.Core.Routing;
using Wharf.Router.Routing;

namespace Wharf.Router.Forwarding;

/// <summary>
/// Passes every app request to a backend of the route its host names and streams the answer back; answers 404,
/// 502, 503 or 504 itself when it cannot. Retries on another backend only while that is safe: when nothing of the
/// request was sent, or for an idempotent request without a body whose connection broke before any response.
/// </summary>
internal sealed class RequestForwarder(IRouteResolver routes, BackendClient client, RouterOptions options, ILogger<RequestForwarder> logger) : IDisposable
{
    private const int MaxAttempts = 3;
    private readonly TimeoutSourcePool _timeouts = new();

    public Task InvokeAsync(HttpContext context)
    {
        var host = HostName.WithoutPort(context.Request.Host.Value ?? string.Empty);
        var route = host.Length == 0 ? null : routes.Resolve(host);
        return route is null ? ErrorPages.NoRouteAsync(context, host) : ForwardAsync(context, route);
    }

    public void Dispose() => _timeouts.Dispose();

    private async Task ForwardAsync(HttpContext context, ILiveRoute route)
    {
        var definition = route.Definition;
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is { IsUpgradableRequest: false })
        {
            upgrade = null;
        }

        var content = upgrade is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
            ? new StreamingRequestContent(context.Request.BodyReader)
            : null;
        var requestId = RequestIds.Of(context.Request);
        var aborted = context.RequestAborted;
        var timeout = _timeouts.Rent();
        var link = aborted.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), timeout);
        List<ILiveBackend>? tried = null;
        BackendFailure? failure = null;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var backend = route.Pick(tried is null ? [] : tried);
                if (backend is null)
                {
                    await (failure is { } last
                        ? ErrorPages.FailedAsync(context, definition, last)
                        : ErrorPages.NoHealthyProcessAsync(context, definition));
                    return;
                }

                failure = await ForwardToAsync(context, definition, backend, content, upgrade, requestId, timeout);
                if (failure is not { } failed || failed.Kind == FailureKind.ClientAborted)
                {
                    return;
                }

                if (failed.Kind is FailureKind.ConnectFailed or FailureKind.ConnectionBroken)
                {
                    backend.ReportFailure(failed.Reason);
                }

                if (attempt < MaxAttempts && CanRetry(context.Request.Method, failed, content))
                {
                    RouterLog.Retrying(logger, context.Request.Method, context.Request.Host.Value ?? string.Empty, backend.Address, definition.Service, definition.App, failed.Reason);
                    (tried ??= new List<ILiveBackend>(MaxAttempts)).Add(backend);
                    continue;
                }

                RouterLog.Failed(logger, context.Request.Method, context.Request.Host.Value ?? string.Empty, failed.Kind == FailureKind.TimedOut ? 504 : 502, definition.Service, definition.App, failed.Reason);
                await ErrorPages.FailedAsync(context, definition, failed);
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
        }
    }

    /// <returns>Null when the backend's answer (or the tunnel) went through; else why there was no answer.</returns>
    private async Task<BackendFailure?> ForwardToAsync(
        HttpContext context, Route route, ILiveBackend backend, StreamingRequestContent? content,
        IHttpUpgradeFeature? upgrade, string requestId, CancellationTokenSource timeout)
    {
        backend.Enter();
        try
        {
            var request = BackendRequest.Create(context, backend.Address, content, upgrade is not null, requestId);
            timeout.CancelAfter(route.Timeout);
            content?.ExtendOnProgress(timeout, route.Timeout);
            HttpResponseMessage response;
            try
            {
                response = await client.Invoker.SendAsync(request, timeout.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                return BackendFailure.Classify(ex, context.RequestAborted.IsCancellationRequested, timeout.IsCancellationRequested,
                    content?.ClientFailed == true, options.ConnectTimeout);
            }
            finally
            {
                content?.ExtendOnProgress(null, Timeout.InfiniteTimeSpan);
            }

            using (response)
            {
                timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                if (upgrade is not null && response.StatusCode == HttpStatusCode.SwitchingProtocols)
                {
                    ResponseHead.Copy(response, context.Response, upgraded: true);
                    var clientStream = await upgrade.UpgradeAsync();
                    var backendStream = await response.Content.ReadAsStreamAsync(context.RequestAborted);
                    await UpgradeTunnel.RunAsync(clientStream, backendStream, context.RequestAborted);
                    return null;
                }

                ResponseHead.Copy(response, context.Response, upgraded: false);
                await CopyBodyAsync(context, response, backend);
                return null;
            }
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested && ex is not OperationCanceledException)
        {
            RouterLog.Unexpected(logger, ex, context.Request.Method, context.Request.Host.Value ?? string.Empty, backend.Address);
            if (!context.Response.HasStarted)
            {
                return new BackendFailure(FailureKind.BadResponse, "the router failed to forward the request");
            }

            context.Abort();
            return null;
        }
        finally
        {
            backend.Leave();
        }
    }

    private async Task CopyBodyAsync(HttpContext context, HttpResponseMessage response, ILiveBackend backend)
    {
        var length = response.Content.Headers.ContentLength ?? -1;
        if (length == 0)
        {
            return;
        }

        var aborted = context.RequestAborted;
        try
        {
            var body = await response.Content.ReadAsStreamAsync(aborted);
            await StreamPump.CopyAsync(body, context.Response.Body, length, flush: false, context.Response, aborted);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or HttpRequestException)
        {
            if (aborted.IsCancellationRequested)
            {
                return;
            }

            // The headers (maybe part of the body) are out: closing the connection is the only way to tell the client
            // the response is incomplete, rather than letting it look whole.
            RouterLog.ResponseBroken(logger, context.Request.Method, context.Request.Host.Value ?? string.Empty, backend.Address, ex.Message);
            context.Abort();
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
