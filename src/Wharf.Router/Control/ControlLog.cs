using Microsoft.Extensions.Logging;

namespace Wharf.Router.Control;

/// <summary>The control API's log lines: what was asked and how it ended; never a body (certificates hold private keys).</summary>
internal static partial class ControlLog
{
    [LoggerMessage(140, LogLevel.Information, "{Method} {Path} refused with {StatusCode}: {Problem}")]
    public static partial void Refused(ILogger logger, string method, string path, int statusCode, string problem);

    [LoggerMessage(141, LogLevel.Information, "Imported certificates replaced: {Count} certificates")]
    public static partial void CertificatesReplaced(ILogger logger, int count);
}
