using Wharf.Server;
using Wharf.Server.Routing;

// `dotnet run --project src/Wharf.Server -- [--data DIR] [--api URL] [--router URL] [--no-router]` runs the API
// server; `... -- router --data DIR --http URL` runs the router (what the server starts in the background).
// `wharf server` and `wharf router` call the same code directly.
if (args is [RouterArguments.Command, .. var routerArgs])
{
    return await RouterProgram.RunAsync(routerArgs, Console.Error, CancellationToken.None);
}

try
{
    await WharfServer.RunAsync(ServerSettings.FromArgs(args), args, CancellationToken.None);
    return 0;
}
catch (ServerStartupException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

/// <summary>The entry point; public so tests can host the server with WebApplicationFactory.</summary>
public partial class Program;
