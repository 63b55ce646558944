using Microsoft.Extensions.Logging;

namespace Wharf.Core.Deployments;

/// <summary>The server log of rolling rollouts (the deploy's own log says more, for the user).</summary>
internal static partial class RollingLog
{
    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Rolling {App}/{Service} to release {Release} in steps: {Count} processes, surge {Surge}, unavailable {Unavailable}")]
    public static partial void Rolling(ILogger logger, string app, string service, int release, int count, int surge, int unavailable);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "The deployment bounds of {App}/{Service} allow no progress (no surge, no unavailable process); one extra process is used")]
    public static partial void Nudged(ILogger logger, string app, string service);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "Rolling {App}/{Service}: {Fresh} of {Count} new processes in rotation, {Draining} old ones draining")]
    public static partial void Step(ILogger logger, string app, string service, int fresh, int count, int draining);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Information, Message = "Rolling {App}/{Service} failed: starting {Count} processes of release {Release} again before the new ones are removed")]
    public static partial void Restoring(ILogger logger, string app, string service, int count, int release);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Warning, Message = "Rolling {App}/{Service} failed and release {Release} did not come back (the deploy's log says why); the reconciler restores it")]
    public static partial void NotRestored(ILogger logger, string app, string service, int release);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Warning, Message = "A rolling rollout of {App} failed and its current release could not be read to start the stopped processes again; the reconciler restores them")]
    public static partial void NotPlanned(ILogger logger, string app, Exception exception);
}
