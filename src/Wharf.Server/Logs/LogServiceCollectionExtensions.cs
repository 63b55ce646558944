using Microsoft.Extensions.Options;
using Wharf.Core.Logs;
using Wharf.Storage.Logs;

namespace Wharf.Server.Logs;

public static class LogServiceCollectionExtensions
{
    /// <summary>
    /// The log store (the "Logs" section; its directory defaults to DATA/logs), the collector that copies every
    /// process's output into it ("Logs:Collector"), platform events, syslog forwarding, and their background services.
    /// Needs the runtime's <see cref="IProcessLogReader"/> (registered with the runtime).
    /// </summary>
    public static IServiceCollection AddWharfLogs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LogStoreOptions>().Bind(configuration.GetSection(LogStoreOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LogStoreOptions>, LogStoreOptionsValidator>();
        services.AddSingleton(sp => LogStoreOptionsValidator.Effective(
            sp.GetRequiredService<IOptions<LogStoreOptions>>().Value, sp.GetRequiredService<ServerOptions>()));
        services.AddSingleton(sp => LogStoreOpener.Open(
            sp.GetRequiredService<LogStoreOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Wharf.Storage.Logs")));

        services.AddOptions<LogCollectorOptions>().Bind(configuration.GetSection(LogCollectorOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LogCollectorOptions>, LogCollectorOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LogCollectorOptions>>().Value);

        services.AddSingleton<LogCollector>();
        services.AddSingleton<IProcessLogCollector>(sp => sp.GetRequiredService<LogCollector>());
        services.AddSingleton<LogWriter>();
        services.AddSingleton<PlatformEvents>();
        services.AddSingleton<LogForwarding>();
        services.AddHostedService<LogCollectorHostedService>();
        services.AddHostedService<LogForwardingHostedService>();
        return services;
    }
}
