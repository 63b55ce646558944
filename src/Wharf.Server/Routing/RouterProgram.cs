using Wharf.Router;

namespace Wharf.Server.Routing;

/// <summary>
/// Runs the router in this process until it is told to stop: `dotnet Wharf.Server.dll router ...` and
/// `wharf router ...` both end up here. Failures are sentences on stderr (which the server started router
/// appends to DATA/router/router.log) and exit code 1.
/// </summary>
public static class RouterProgram
{
    /// <summary>Parses the arguments after <c>router</c> and runs the router with them.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(error);
        RouterOptions options;
        try
        {
            options = RouterArguments.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (ServerStartupException e)
        {
            await error.WriteLineAsync(Describe(e.Problems));
            return 1;
        }

        return await RunAsync(options, error, ct);
    }

    public static async Task<int> RunAsync(RouterOptions options, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(error);
        if (RouterArguments.Validate(options) is { Count: > 0 } problems)
        {
            await error.WriteLineAsync(Describe(problems));
            return 1;
        }

        try
        {
            // `wharf router` and `Wharf.Server.dll router` are processes of their own: nothing else runs in them.
            RouterHost.PrepareDedicatedProcess();
            await RouterHost.RunAsync(options, ct);
            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The host's start-up failures (an address in use, a socket it cannot create) are sentences already.
            await error.WriteLineAsync(Describe([e.Message]));
            return 1;
        }
    }

    /// <summary>"wharf router cannot start: ..." with every problem, one a line.</summary>
    public static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 1
            ? $"wharf router cannot start: {problems[0]}"
            : $"wharf router cannot start ({problems.Count} problems):{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
    }
}
