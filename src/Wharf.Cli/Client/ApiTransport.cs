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
internal sealed class ApiTransport(HttpClient http, Uri url, string token) : IDisposable
{
    public Uri Url => url;

    public void Dispose() => http.Dispose();

    public async Task SendAsync(HttpMethod method, string path, HttpContent? body, CancellationToken ct)
    {
        using var response = await SendCoreAsync(method, path, body, ct);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? body, CancellationToken ct)
    {
        using var response = await SendCoreAsync(method, path, body, ct);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, ct)
                ?? throw new JsonException("the body was null");
        }
        catch (JsonException e)
        {
            throw new WharfApiException(
                Display,
                (int)response.StatusCode,
                $"The server at {Display} answered {method} /{path} with something that is not Wharf's API ({e.Message}). Is the URL right?",
                null);
        }
    }

    private string Display => Config.ServerUrl.Display(url);

    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, HttpContent? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, path)) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new WharfUnreachableException(Display, Reason(e), e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new WharfUnreachableException(Display, $"no answer within {http.Timeout.TotalSeconds:0} s", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ProblemReader.ReadAsync(Display, response, $"{method} /{path}", ct);
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
