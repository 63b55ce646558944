using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.Router.Control;
using Wharf.Router.Forwarding;
using Wharf.Router.Listeners;
using Wharf.Router.Routing;
using Wharf.Router.Tls;

namespace Wharf.Router;

/// <summary>The router process: what `wharf router` runs (and `wharf server` starts in the background).</summary>
public static class RouterHost
{
    /// <summary>
    /// Serves apps on the options' listeners and the control API on its unix socket until <paramref name="ct"/> is
    /// cancelled or the process is told to stop. Loads the last table from disk first, so it serves at once.
    /// Throws <see cref="RouterStartupException"/> (print its message, exit non-zero) when it cannot start.
    /// </summary>
    public static async Task RunAsync(RouterOptions options, CancellationToken ct)
    {
        await using var app = Build(options);
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException ex)
        {
            throw new RouterStartupException(
                $"The router cannot listen: {ex.Message} Is another router or web server using that port? Give other addresses with --http / --https.", ex);
        }

        await app.WaitForShutdownAsync(ct);
    }

    /// <summary>
    /// Makes this process a router's own: socket completions run on the I/O threads (<see cref="InlineScheduling"/>).
    /// Call it first thing in a process that runs nothing but the router (before its first socket), never in one that
    /// runs other code: a blocking call anywhere would then stall every socket of the process.
    /// </summary>
    public static void PrepareDedicatedProcess() => InlineScheduling.EnableForProcess();

    /// <summary>Builds the router without starting it; throws <see cref="RouterStartupException"/> listing every bad option.</summary>
    public static WebApplication Build(RouterOptions options) => Build(options, configureServices: null);

    /// <summary>
    /// Builds the router without starting it. <paramref name="configureServices"/> runs after the router's own
    /// registrations, so it can replace them (tests put their own <see cref="IRouteResolver"/> in).
    /// </summary>
    public static WebApplication Build(RouterOptions options, Action<IServiceCollection>? configureServices)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = RouterListeners.Check(options, out var listeners);
        if (problems.Count > 0)
        {
            throw new RouterStartupException(problems);
        }

        var staleSocketRemoved = ControlSocket.Prepare(options);

        // The content root is the install directory, so an appsettings.json where the router is started from
        // cannot reconfigure it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel => RouterListeners.Configure(kestrel, options, listeners));
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = InlineScheduling.Enabled);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // While this logger is on at any level, the host starts an activity and a log scope for every request.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);

        var services = builder.Services;
        services.TryAddSingleton(options);
        services.AddRouterRouting(options);
        services.TryAddSingleton<RouterCertificates>();
        services.AddSingleton<BackendClient>();
        services.AddSingleton<RequestIds>();
        services.AddSingleton<RequestForwarder>();
        services.AddSingleton<HttpsRedirect>();
        configureServices?.Invoke(services);

        var app = builder.Build();
        var control = BuildControlPipeline(app);
        var forwarder = app.Services.GetRequiredService<RequestForwarder>();
        var redirect = options.RedirectToHttps ? app.Services.GetRequiredService<HttpsRedirect>() : null;

        // One terminal delegate: app traffic goes straight to the forwarder, with no routing per request.
        app.Run(context =>
            ControlSocket.IsControlRequest(context) ? control(context)
            : redirect is not null && !context.Request.IsHttps ? redirect.InvokeAsync(context)
            : forwarder.InvokeAsync(context));

        app.Lifetime.ApplicationStarted.Register(() => OnStarted(app, options, staleSocketRemoved));
        return app;
    }

    /// <summary>The control endpoints, in a pipeline of their own so their routing never runs for app traffic.</summary>
    private static RequestDelegate BuildControlPipeline(WebApplication app)
    {
        var control = new ApplicationBuilder(app.Services);
        control.UseRouting();
        control.UseEndpoints(endpoints => endpoints.MapRouterControl());
        return control.Build();
    }

    private static void OnStarted(WebApplication app, RouterOptions options, bool staleSocketRemoved)
    {
        ControlSocket.Secure(options.ControlSocketPath);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Wharf.Router");
        if (staleSocketRemoved)
        {
            RouterLog.StaleSocketRemoved(logger, options.ControlSocketPath);
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var listening = string.Join(", ", addresses.Where(address => !address.StartsWith("http://unix:", StringComparison.Ordinal)));
        RouterLog.Listening(logger, listening, options.ControlSocketPath);
    }
}
