using System.Runtime.CompilerServices;
using System.Text;

namespace Wharf.Cli.Client;

/// <summary>Reads a streamed text answer line by line, as the server writes it, without waiting for the end.</summary>
internal static class TextLines
{
    public static async IAsyncEnumerable<string> ReadAsync(
        WharfClient client, HttpResponseMessage response, [EnumeratorCancellation] CancellationToken ct)
    {
        Stream body;
        try
        {
            body = await response.Content.ReadAsStreamAsync(ct);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw client.Broken(e);
        }

        using var reader = new StreamReader(body, Encoding.UTF8);
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(ct);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                throw client.Broken(e);
            }

            if (line is null)
            {
                yield break;
            }

            yield return line;
        }
    }
}
