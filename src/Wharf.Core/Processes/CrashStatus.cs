namespace Wharf.Core.Processes;

/// <summary>What the crash book knows about one service right now.</summary>
/// <param name="Restarts">Processes of the service restarted after exiting, since this server started.</param>
/// <param name="ConsecutiveCrashes">Crashes in a row; 0 once a process stayed up past the crash window.</param>
/// <param name="NextAttemptAt">When the reconciler may start a process again; null when it may now.</param>
public sealed record CrashStatus(int Restarts, int ConsecutiveCrashes, bool CrashLooping, ProcessExit? LastExit, DateTimeOffset? NextAttemptAt);
