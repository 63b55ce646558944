namespace Wharf.Cli.Client;

/// <summary>No HTTP answer at all: refused, unresolvable, timed out, or the connection broke.</summary>
internal sealed class WharfUnreachableException(string url, string reason, Exception? innerException = null)
    : Exception($"Cannot reach the Wharf server at {url}: {reason}. Is `wharf server` running?", innerException)
{
    public string Url => url;

    public string Reason => reason;
}
