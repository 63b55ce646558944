using Wharf.Server;

// `dotnet run --project src/Wharf.Server -- [--data DIR] [--api URL] [--router URL]`; `wharf server` calls WharfServer directly.
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
