using Wharf.Core.Api;

namespace Wharf.Cli.Client;

/// <summary>The log routes: `wharf logs` and `wharf logs forward`.</summary>
internal sealed partial class WharfClient
{
    /// <summary>An app's log (or the platform's, for a null app) as NDJSON; when following, the answer lasts until the caller stops.</summary>
    public Task<HttpResponseMessage> OpenLogsAsync(string? app, LogRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = app is null ? "v1/logs/system" : $"v1/apps/{Uri.EscapeDataString(app)}/logs";
        return transport.OpenAsync(HttpMethod.Get, path + request.QueryString(), null, null, ct);
    }

    public Task<LogForwardInfo> GetLogForwardAsync(string app, CancellationToken ct) =>
        transport.SendAsync<LogForwardInfo>(HttpMethod.Get, ForwardPath(app), null, ct);

    public Task<LogForwardInfo> SetLogForwardAsync(string app, string url, CancellationToken ct) =>
        transport.SendAsync<LogForwardInfo>(HttpMethod.Put, ForwardPath(app), ApiJson.Content(new LogForwardInfo(url)), ct);

    public Task<LogForwardInfo> RemoveLogForwardAsync(string app, CancellationToken ct) =>
        transport.SendAsync<LogForwardInfo>(HttpMethod.Delete, ForwardPath(app), null, ct);

    private static string ForwardPath(string app) => $"v1/apps/{Uri.EscapeDataString(app)}/logs/forward";
}
