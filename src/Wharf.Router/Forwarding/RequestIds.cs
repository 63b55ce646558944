using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Wharf.Router.Forwarding;

/// <summary>
/// The id that follows a request into the app's logs: the client's own X-Request-Id if it sent a sane one, else a
/// new one. New ids are a random prefix and a counter (32 hex digits): unique, and unlike a random GUID they cost
/// no read of the system's random source per request.
/// </summary>
internal sealed class RequestIds
{
    private const int MaxLength = 200;
    private readonly ulong _prefix = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
    private long _counter;

    public string Of(HttpRequest request)
    {
        var sent = request.Headers["X-Request-Id"];
        return sent.Count == 1 && sent[0] is { Length: > 0 and <= MaxLength } id ? id : New();
    }

    public string New() => string.Create(32, (_prefix, (ulong)Interlocked.Increment(ref _counter)), static (span, id) =>
    {
        id._prefix.TryFormat(span, out _, "x16", provider: null);
        id.Item2.TryFormat(span[16..], out _, "x16", provider: null);
    });
}
