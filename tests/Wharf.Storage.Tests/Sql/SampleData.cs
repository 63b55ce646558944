using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Builds;
using Wharf.Core.Config;
using Wharf.Core.Crypto;
using Wharf.Core.Deployments;
using Wharf.Core.Releases;
using Wharf.Core.Timers;

namespace Wharf.Storage.Tests.Sql;

/// <summary>Records with distinct, microsecond-precise values so a swapped or truncated column shows up.</summary>
public static class SampleData
{
    /// <summary>2025-03-04 05:06:07.123456 UTC: sub-second digits down to the microsecond.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_560);

    public static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    public static App App(string name = "hello", int seconds = 0) => new(name, At(seconds), null);

    public static EnvVersion Env(string app, int version) =>
        new(app, version, Box(version), At(version));

    public static SealedBox Box(int seed) =>
        new($"key-{seed}", Bytes(seed, 60), Bytes(seed + 1, 12), Bytes(seed + 2, 37), Bytes(seed + 3, 16));

    public static Build Build(string app, int number, BuildStatus status = BuildStatus.Pending) =>
        new(app, number, status, new Dictionary<string, string> { ["web"] = $"{app}-web:{number}", ["worker"] = $"{app}-worker:{number}" },
            $"name: {app}\n", null, At(number), null);

    public static Release Release(string app, int version, int? build = null, int? env = null) =>
        new(app, version, build, env, $"name: {app}\nversion: {version}\n", $"Deploy {version}", "admin", At(version));

    public static AuditEvent Audit(string target, string action = "apps.create", int seconds = 0) =>
        new(0, At(seconds), "admin", action, target, $"detail of {action}");

    public static ApiToken Token(string id, string name, int seconds = 0) =>
        new(id, name, Role.Deploy, Bytes(id.GetHashCode(StringComparison.Ordinal), 32), At(seconds));

    public static Deployment Deployment(string app, int id, DeploymentStatus status = DeploymentStatus.Queued, int seconds = 0) =>
        new(app, id, "deploy", status, null, null, null, "admin", At(seconds), null);

    public static TimerRun TimerRun(string app, string timer, int seconds = 0, TimerRunStatus status = TimerRunStatus.Running) =>
        new(0, app, timer, 3, At(seconds), At(seconds).AddMilliseconds(250), null, status, null, $"{app}-{timer}-{seconds}");

    public static byte[] Bytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
