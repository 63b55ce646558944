using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Wharf.Server.Auth;
using Wharf.Server.Endpoints;
using Wharf.Server.Errors;
using Wharf.Server.Logging;
using Wharf.Server.Logs;
using Wharf.Server.Metrics;
using Wharf.Server.Routing;
using Wharf.Server.Startup;

namespace Wharf.Server;

/// <summary>The Wharf API server: what `wharf server` runs.</summary>
public static class WharfServer
{
    /// <summary>Builds the server without starting it; throws <see cref="ServerStartupException"/> listing every bad option.</summary>
    public static WebApplication Build(ServerOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ServerStartupException(problems);
        }

        // The content root is the install directory, not the working directory, so an appsettings.json that
        // happens to sit where `wharf server` is run cannot reconfigure it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.ApiUrl);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var services = builder.Services;
        services.AddWharfCore(options);
        services.AddWharfDeployments(builder.Configuration);
        services.AddWharfLogs(builder.Configuration);
        services.AddWharfAuthorization();
        services.AddWharfMetrics();
        services.AddProblemDetails(problem => problem.CustomizeProblemDetails = Problems.AddMissingDetail);
        services.AddExceptionHandler<WharfExceptionHandler>();
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));

        var app = builder.Build();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthEndpoints();
        app.MapMetricsEndpoints();
        app.MapGroup("/v1")
            .MapWhoAmIEndpoints()
            .MapAppEndpoints()
            .MapEnvEndpoints()
            .MapReleaseEndpoints()
            .MapBuildEndpoints()
            .MapDeploymentEndpoints()
            .MapTokenEndpoints()
            .MapAuditEndpoints()
            .MapProcessEndpoints()
            .MapFormationEndpoints()
            .MapTimerEndpoints()
            .MapCertificateEndpoints()
            .MapResourceEndpoints()
            .MapLogEndpoints();
        return app;
    }

    /// <summary>
    /// Prepares the data directory and serves until <paramref name="ct"/> is cancelled or the process is told to
    /// stop. Throws <see cref="ServerStartupException"/> (print its message, exit non-zero) when it cannot start.
    /// </summary>
    public static Task RunAsync(ServerOptions options, CancellationToken ct) => RunAsync(options, null, ct);

    internal static async Task RunAsync(ServerOptions options, string[]? args, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ListenCheck.Problem(options.ApiUrl) is { } listenProblem)
        {
            throw new ServerStartupException(listenProblem);
        }

        await using var app = Build(options, args);
        await app.Services.GetRequiredService<ServerInitializer>().InitializeAsync(ct);
        await app.Services.GetRequiredService<RouterSupervisor>().EnsureStartedAsync(ct);
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException ex)
        {
            throw new ServerStartupException($"Cannot listen on {options.ApiUrl}: {ex.Message}", ex);
        }

        await app.WaitForShutdownAsync(ct);
    }
}
