using System.Text;

namespace Wharf.Server.Deployments;

/// <summary>
/// Answers text/plain, one line per log line, each sent as soon as it is read: a followed log streams until it ends
/// (or the client goes away).
/// </summary>
public sealed class TextLinesResult(IAsyncEnumerable<string> lines) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var ct = httpContext.RequestAborted;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-cache";

        // Headers go out now, so a follower knows the log exists before its first line is written.
        await response.StartAsync(ct);
        try
        {
            await foreach (var line in lines.WithCancellation(ct))
            {
                await response.BodyWriter.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client stopped reading; there is nobody left to answer.
        }
    }
}
