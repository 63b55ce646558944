using Microsoft.Extensions.Logging;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>The runtime's log lines. Never the environment: it holds the app's decrypted config.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Created network {Network} for app {App}")]
    public static partial void NetworkCreated(ILogger logger, string network, string app);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Removed network {Network} of app {App}")]
    public static partial void NetworkRemoved(ILogger logger, string network, string app);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information,
        Message = "Started process {ProcessId} ({Container}) of {App}/{Service} release {Release}, kind {Kind}")]
    public static partial void ProcessStarted(ILogger logger, string processId, string container, string app, string service, int release, string kind);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Stopped and removed process {ProcessId} ({Container}), grace {Grace}")]
    public static partial void ProcessStopped(ILogger logger, string processId, string container, TimeSpan grace);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Removed process {ProcessId} ({Container})")]
    public static partial void ProcessRemoved(ILogger logger, string processId, string container);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Removed app {App}: {Count} process(es) and its network")]
    public static partial void AppRemoved(ILogger logger, string app, int count);

    [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "Process {Container} of {App}/{Service} was created but did not start; removed it")]
    public static partial void StartFailed(ILogger logger, string container, string app, string service, Exception exception);

    [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "Built image {Tag} ({ImageId})")]
    public static partial void ImageBuilt(ILogger logger, string tag, string imageId);

    [LoggerMessage(EventId = 109, Level = LogLevel.Information, Message = "Image build of {Tag} failed: {Reason}")]
    public static partial void ImageBuildFailed(ILogger logger, string tag, string reason);
}
