using Microsoft.Extensions.Logging;

namespace Wharf.Core.Resources;

/// <summary>The server log of resources: names and states only, never credentials or a command's output.</summary>
internal static partial class ResourceLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Created credentials for resource {App}/{Resource} ({Type})")]
    public static partial void CredentialsCreated(ILogger logger, string app, string resource, string type);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Resource {App}/{Resource} ready ({Image}) after {Seconds} s")]
    public static partial void Ready(ILogger logger, string app, string resource, string image, string seconds);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Resource {App}/{Resource} failed to start: {Reason}")]
    public static partial void Failed(ILogger logger, string app, string resource, string reason);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Replacing the container of resource {App}/{Resource}: its settings changed")]
    public static partial void Replacing(ILogger logger, string app, string resource);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Put the previous container of resource {App}/{Resource} back")]
    public static partial void Reinstated(ILogger logger, string app, string resource);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Resource {App}/{Resource} is external (set in the app's config); its container is stopped")]
    public static partial void External(ILogger logger, string app, string resource);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Information, Message = "Removed resource {App}/{Resource}; data kept: {KeptData}")]
    public static partial void Removed(ILogger logger, string app, string resource, bool keptData);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Information, Message = "{Action} of resource {App}/{Resource} by {Actor} ended with exit code {ExitCode}")]
    public static partial void CommandEnded(ILogger logger, string action, string app, string resource, string actor, int exitCode);
}
