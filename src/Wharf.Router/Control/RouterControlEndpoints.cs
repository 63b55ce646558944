using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wharf.Core.Errors;
using Wharf.Core.Metrics;
using Wharf.Core.Routing;
using Wharf.Router.Routing;
using Wharf.Router.Tls;

namespace Wharf.Router.Control;

/// <summary>
/// The router's control API, served on its owner-only unix socket (the host maps it for those connections only):
/// PUT /table, GET /table, GET /status, POST /drain, PUT /certificates, GET /metrics (Prometheus text) and
/// GET /metrics/requests (the same request counters as JSON). JSON is camelCase; problems are RFC 7807.
/// </summary>
public static class RouterControlEndpoints
{
    /// <summary>The longest a single drain may wait: a rollout's termination grace is far shorter.</summary>
    public static readonly TimeSpan MaxDrainTimeout = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapRouterControl(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPut("/table", PutTableAsync);
        endpoints.MapGet("/table", GetTable);
        endpoints.MapGet("/status", GetStatus);
        endpoints.MapPost("/drain", DrainAsync);
        endpoints.MapPut("/certificates", PutCertificatesAsync);
        endpoints.MapGet("/metrics", GetMetricsText);
        endpoints.MapGet("/metrics/requests", GetRequestCounters);
        return endpoints;
    }

    private static async Task<IResult> PutTableAsync(HttpContext http, [FromServices] RouteTableStore store, [FromServices] ILogger<RouteTableStore> logger)
    {
        var (table, problem) = await ControlBody.ReadAsync(http.Request, RouterJsonContext.Default.RouteTable, "a route table", quoteParser: true, http.RequestAborted);
        if (problem is not null)
        {
            return Refused(http, logger, problem, "malformed JSON");
        }

        try
        {
            // Saving fsyncs: off the I/O threads, which run socket completions inline in the router process.
            await Task.Run(() => store.Apply(table!), http.RequestAborted);
            return TypedResults.NoContent();
        }
        catch (WharfValidationException e)
        {
            var invalid = TypedResults.ValidationProblem(e.Errors, e.Message, title: "The route table is invalid.");
            return Refused(http, logger, invalid, e.Message);
        }
        catch (IOException e)
        {
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status500InternalServerError, title: "The table could not be saved.");
        }
    }

    private static JsonHttpResult<RouteTable> GetTable([FromServices] RouteTableStore store) =>
        TypedResults.Json(store.Table, RouterJsonContext.Default.RouteTable);

    private static JsonHttpResult<RouterStatus> GetStatus(HttpContext http, [FromServices] RoutingState routing, [FromServices] RouterOptions options)
    {
        var status = new RouterStatus(Environment.ProcessId, Listening(http, options), routing.Current.Routes.Count, routing.Statuses());
        return TypedResults.Json(status, RouterJsonContext.Default.RouterStatus);
    }

    private static ContentHttpResult GetMetricsText([FromServices] RoutingState routing)
    {
        var writer = new PrometheusTextWriter();
        RequestMetricsText.Write(writer, routing.Metrics.Snapshot());
        return TypedResults.Text(writer.ToString(), PrometheusTextWriter.ContentType);
    }

    private static JsonHttpResult<IReadOnlyList<RequestCounters>> GetRequestCounters([FromServices] RoutingState routing) =>
        TypedResults.Json(routing.Metrics.Snapshot(), RouterJsonContext.Default.IReadOnlyListRequestCounters);

    private static async Task<IResult> DrainAsync(HttpContext http, [FromServices] RoutingState routing, [FromServices] ILogger<RoutingState> logger)
    {
        var (request, problem) = await ControlBody.ReadAsync(http.Request, RouterJsonContext.Default.DrainRequest, "a drain request ({\"addresses\": [...], \"timeoutMs\": N})", quoteParser: true, http.RequestAborted);
        if (problem is not null)
        {
            return Refused(http, logger, problem, "malformed JSON");
        }

        var timeout = TimeSpan.FromMilliseconds(request!.TimeoutMs);
        if (request.TimeoutMs < 0 || timeout > MaxDrainTimeout)
        {
            var detail = $"timeoutMs {request.TimeoutMs} is out of range: give 0 to {MaxDrainTimeout.TotalMilliseconds:0} milliseconds.";
            return Refused(http, logger, ControlBody.BadRequest(detail), detail);
        }

        var result = await routing.DrainAsync(request.Addresses, timeout, http.RequestAborted);
        return TypedResults.Json(result, RouterJsonContext.Default.DrainResult);
    }

    private static async Task<IResult> PutCertificatesAsync(HttpContext http, [FromServices] RouterCertificates certificates, [FromServices] ILogger<RouterCertificates> logger)
    {
        // Private keys: the parser's words are never echoed, since they can quote the body.
        var (list, problem) = await ControlBody.ReadAsync(http.Request, RouterJsonContext.Default.IReadOnlyListRouterCertificate, "a list of certificates", quoteParser: false, http.RequestAborted);
        if (problem is not null)
        {
            return Refused(http, logger, problem, "malformed JSON");
        }

        try
        {
            certificates.Replace(list!);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or FormatException)
        {
            var detail = $"The certificates could not be imported: {e.Message.TrimEnd('.')}. Give each certificate and its private key as PEM.";
            return Refused(http, logger, ControlBody.BadRequest(detail), e.GetType().Name);
        }

        ControlLog.CertificatesReplaced(logger, list!.Count);
        return TypedResults.NoContent();
    }

    /// <summary>The app listeners as bound (a port 0 resolved), or as configured before the server has started.</summary>
    private static List<string> Listening(HttpContext http, RouterOptions options)
    {
        var bound = http.RequestServices.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
            .Where(a => !a.Contains("unix:", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return bound is { Count: > 0 } ? bound : [.. options.HttpUrls, .. options.HttpsUrls];
    }

    private static IResult Refused(HttpContext http, ILogger logger, IResult problem, string why)
    {
        var status = problem is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status400BadRequest;
        ControlLog.Refused(logger, http.Request.Method, http.Request.Path.Value ?? "/", status, why);
        return problem;
    }
}
