using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Wharf.Core.Api;
using Wharf.Core.Logs;

namespace Wharf.Server.Logs;

/// <summary>
/// Answers log lines as NDJSON (one <see cref="LogLineInfo"/> per line). Lines are sent in batches: whatever the store
/// has ready is written, and the batch goes out the moment the next line is not ready yet, so a followed log shows a
/// new line as soon as it is stored and a long query does not cost one network write per line.
/// </summary>
public sealed class LogStreamResult(IAsyncEnumerable<LogEntry> entries) : IResult
{
    public const string ContentType = "application/x-ndjson";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var ct = httpContext.RequestAborted;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";

        // Headers go out now, so a follower knows it is connected before the first line comes.
        await response.StartAsync(ct);
        var body = response.BodyWriter;
        using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        try
        {
            await using var lines = entries.GetAsyncEnumerator(ct);
            while (true)
            {
                var next = lines.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    await body.FlushAsync(ct);
                }

                if (!await next)
                {
                    break;
                }

                var entry = lines.Current;
                var info = new LogLineInfo(entry.Time, SyslogMessage.SourceName(entry.Source), entry.Service, entry.ProcessId, entry.Release, entry.Text);
                JsonSerializer.Serialize(json, info, _json);
                json.Flush();
                json.Reset();
                body.Write("\n"u8);
            }

            await body.FlushAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away (Ctrl+C on `wharf logs -f`): nobody is left to answer.
        }
    }
}
