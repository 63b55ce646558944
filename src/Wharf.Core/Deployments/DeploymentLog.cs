using Microsoft.Extensions.Logging;

namespace Wharf.Core.Deployments;

/// <summary>
/// The server log of deployments. Never a deployment's Error or a process's output: those can quote the app's
/// config, so they stay in the deployment's own log, which only API users of the app can read.
/// </summary>
internal static partial class DeploymentLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Deployment {App}/{Id} ({Kind}) started")]
    public static partial void Started(ILogger logger, string app, int id, string kind);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Deployment {App}/{Id} ended: {Status}")]
    public static partial void Finished(ILogger logger, string app, int id, DeploymentStatus status);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Deployment {App}/{Id} failed unexpectedly")]
    public static partial void Crashed(ILogger logger, string app, int id, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "The end of deployment {App}/{Id} could not be recorded")]
    public static partial void NotRecorded(ILogger logger, string app, int id, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "The deployment queue's runner threw for {App}/{Id}")]
    public static partial void RunnerCrashed(ILogger logger, string app, int id, Exception exception);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Deployment {App}/{Id} ({Kind}) was interrupted by a server restart and is marked failed")]
    public static partial void Interrupted(ILogger logger, string app, int id, string kind);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Log {Key} could not be written to the blob store")]
    public static partial void LogNotSaved(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Built {Image} for {App} build {Build} service {Service}")]
    public static partial void ImageBuilt(ILogger logger, string app, int build, string service, string image);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Build {Build} of {App} reuses the images of build {Earlier}")]
    public static partial void BuildReused(ILogger logger, string app, int build, int earlier);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Release {Release} of {App} is now current")]
    public static partial void ReleaseCurrent(ILogger logger, string app, int release);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Rollout of release {Release} of {App} did not complete (cancelled: {Cancelled}); its new processes are removed")]
    public static partial void RolloutAborted(ILogger logger, string app, int release, bool cancelled);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Could not stop process {Process} of {App}; the reconciler will")]
    public static partial void StopFailed(ILogger logger, string app, string process, Exception exception);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "Process {Process} of {App} is stopped without a full drain: {Problem}")]
    public static partial void NotDrained(ILogger logger, string app, string process, string problem);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Information, Message = "Image {Image} of {App} build {Build} service {Service} is gone from the engine; building it again from the build's source")]
    public static partial void ImageRestoring(ILogger logger, string app, int build, string service, string image);
}
