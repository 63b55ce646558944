namespace Wharf.Cli.Client;

/// <summary>The server answered with an error: its RFC 7807 problem details, flattened.</summary>
/// <param name="server">The server's URL as users write it, for messages that tell them what to do.</param>
/// <param name="detail">The sentence the server wrote for the user.</param>
/// <param name="fieldErrors">For 400: each invalid field and what is wrong with it.</param>
internal sealed class WharfApiException(
    string server, int status, string detail, IReadOnlyDictionary<string, string[]>? fieldErrors)
    : Exception(detail)
{
    public string Server => server;

    public int Status => status;

    public string Detail => Message;

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; } = fieldErrors ?? new Dictionary<string, string[]>();
}
