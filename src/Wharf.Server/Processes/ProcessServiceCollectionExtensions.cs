using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Core.Deployments;
using Wharf.Core.Processes;
using Wharf.Core.Timers;

namespace Wharf.Server.Processes;

public static class ProcessServiceCollectionExtensions
{
    /// <summary>
    /// The reconciler, formation, ps/run/exec/restart and timers, with the two background loops that drive them.
    /// Needs an <see cref="Wharf.Core.Runtime.IProcessRuntime"/> and the Core services registered too.
    /// </summary>
    public static IServiceCollection AddWharfProcesses(this IServiceCollection services)
    {
        services.TryAddSingleton(new ProcessOptions());
        services.TryAddSingleton<IProcessEvents, ProcessEventLog>();
        services.TryAddSingleton<IPortProbe, TcpPortProbe>();
        services.TryAddSingleton<ReleaseSnapshotLoader>();
        services.TryAddSingleton<CrashBook>();
        services.TryAddSingleton<ReconcilerSignal>();
        services.TryAddSingleton<AttachedProcesses>();
        services.TryAddSingleton<BackgroundWork>();
        services.TryAddSingleton<Reconciler>();
        services.TryAddSingleton<FormationService>();
        services.TryAddSingleton<ProcessListing>();
        services.TryAddSingleton<ProcessService>();
        services.TryAddSingleton<RestartReadiness>();
        services.TryAddSingleton<RollingRestart>();
        services.TryAddSingleton<TimerScheduler>();
        services.TryAddSingleton<TimerService>();
        services.AddHostedService<ReconcilerHostedService>();
        services.AddHostedService<TimerSchedulerHostedService>();
        return services;
    }
}
