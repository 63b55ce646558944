using System.Text.Json;
using System.Text.Json.Serialization;
using Wharf.Core.Api;

namespace Wharf.Server.Processes;

/// <summary>
/// Writes <see cref="ProcessStreamEvent"/>s as NDJSON (application/x-ndjson), one JSON object per line, each
/// flushed at once. The status and headers go out with the first line, so errors before it are still problem details.
/// </summary>
public sealed class NdjsonWriter(HttpResponse response) : IDisposable
{
    public const string ContentType = "application/x-ndjson";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly byte[] _newLine = "\n"u8.ToArray();

    private readonly SemaphoreSlim _writing = new(1, 1);

    public bool Started => response.HasStarted;

    /// <summary>Sends the status and headers now, so the client knows the command started.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (!response.HasStarted)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType;
            response.Headers.CacheControl = "no-cache";
            await response.StartAsync(ct);
        }
    }

    public void Dispose() => _writing.Dispose();

    /// <summary>Writes one event; safe to call from the stdout and stderr readers at once.</summary>
    public async Task WriteAsync(ProcessStreamEvent item, CancellationToken ct)
    {
        await _writing.WaitAsync(ct);
        try
        {
            await StartAsync(ct);
            await JsonSerializer.SerializeAsync(response.Body, item, _json, ct);
            await response.Body.WriteAsync(_newLine, ct);
            await response.Body.FlushAsync(ct);
        }
        finally
        {
            _writing.Release();
        }
    }
}
