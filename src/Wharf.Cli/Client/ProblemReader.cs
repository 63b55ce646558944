using System.Net.Http.Json;
using System.Text.Json;

namespace Wharf.Cli.Client;

/// <summary>Reads an error answer into a <see cref="WharfApiException"/>, problem details or not.</summary>
internal static class ProblemReader
{
    public static async Task<WharfApiException> ReadAsync(
        string server, HttpResponseMessage response, string request, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        ProblemDetailsBody? problem = null;
        if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.ProblemDetailsBody, ct);
            }
            catch (JsonException)
            {
                // Not problem details after all; the status line below still says what happened.
            }
        }

        var detail = problem?.Detail ?? problem?.Title
            ?? $"{request} failed with HTTP {status} {response.ReasonPhrase}".TrimEnd();
        return new WharfApiException(server, status, detail, problem?.Errors);
    }
}
