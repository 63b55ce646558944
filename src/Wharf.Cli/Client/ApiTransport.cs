using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Wharf.Cli.Client;

/// <summary>
/// Sends one request and turns every way it can fail into <see cref="WharfApiException"/> (the server said no)
/// or <see cref="WharfUnreachableException"/> (nothing answered), so commands only see DTOs.
/// </summary>
/// <param name="timeout">How long an ordinary request may take; streams (uploads, logs) have no limit.</param>
internal sealed class ApiTransport(HttpClient http, Uri url, string token, TimeSpan timeout) : IDisposable
{
    public Uri Url => url;

    public string Display => Config.ServerUrl.Display(url);

    public void Dispose() => http.Dispose();

    public async Task SendAsync(HttpMethod method, string path, HttpContent? body, CancellationToken ct)
    {
        using var limit = Limit(ct);
        using var request = Request(method, path, body);
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, ct, limit.Token);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? body, CancellationToken ct)
    {
        using var limit = Limit(ct);
        using var request = Request(method, path, body);
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, ct, limit.Token);
        return await ReadJsonAsync<T>(response, $"{method} /{path}", ct);
    }

    /// <summary>
    /// Sends a request whose body or answer is a stream: no time limit, and the answer is handed over as soon as
    /// its headers arrive (the caller disposes it). <paramref name="configure"/> adds headers.
    /// </summary>
    public async Task<HttpResponseMessage> OpenAsync(
        HttpMethod method, string path, HttpContent? body, Action<HttpRequestMessage>? configure, CancellationToken ct)
    {
        using var request = Request(method, path, body);
        configure?.Invoke(request);
        return await SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, ct, ct);
    }

    /// <summary>Reads an answer's JSON body into a DTO, or says the server is not Wharf's API.</summary>
    public async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, string request, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(ApiJson.Info<T>(), ct)
                ?? throw new JsonException("the body was null");
        }
        catch (JsonException e)
        {
            throw new WharfApiException(
                Display,
                (int)response.StatusCode,
                $"The server at {Display} answered {request} with something that is not Wharf's API ({e.Message}). Is the URL right?",
                null);
        }
    }

    /// <summary>A read of a streamed answer failed: the server went away mid-stream.</summary>
    public WharfUnreachableException Broken(Exception e) => new(Display, "the connection broke", e);

    private CancellationTokenSource Limit(CancellationToken ct)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        return limit;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? body)
    {
        var request = new HttpRequestMessage(method, new Uri(url, path)) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <param name="ct">The caller's token: Ctrl+C.</param>
    /// <param name="limited">The caller's token, or one that also ends when the request takes too long.</param>
    private async Task<HttpResponseMessage> SendCoreAsync(
        HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct, CancellationToken limited)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, limited);
        }
        catch (HttpRequestException e)
        {
            throw new WharfUnreachableException(Display, Reason(e), e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new WharfUnreachableException(Display, $"no answer within {timeout.TotalSeconds:0} s", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ProblemReader.ReadAsync(Display, response, $"{request.Method} {request.RequestUri?.PathAndQuery}", ct);
        }
    }

    private static string Reason(HttpRequestException e) => e switch
    {
        { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => "connection refused",
        { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name does not resolve",
        { HttpRequestError: HttpRequestError.SecureConnectionError } => "the TLS handshake failed",
        { InnerException: SocketException s } => s.Message.ToLowerInvariant(),
        { StatusCode: HttpStatusCode status } => $"HTTP {(int)status}",
        _ => e.Message.TrimEnd('.'),
    };
}
