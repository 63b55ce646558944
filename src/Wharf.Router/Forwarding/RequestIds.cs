using Microsoft.AspNetCore.Http;

namespace Wharf.Router.Forwarding;

/// <summary>The id that follows a request into the app's logs: the client's own X-Request-Id if it sent a sane one.</summary>
internal static class RequestIds
{
    private const int MaxLength = 200;

    public static string Of(HttpRequest request)
    {
        var sent = request.Headers["X-Request-Id"];
        return sent.Count == 1 && sent[0] is { Length: > 0 and <= MaxLength } id ? id : Guid.NewGuid().ToString("N");
    }
}
