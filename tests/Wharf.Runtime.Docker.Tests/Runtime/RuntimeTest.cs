using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Tests.Runtime;

/// <summary>A test with its own app on the real engine, removed (processes and network) when the test ends.</summary>
public abstract class RuntimeTest(RuntimeFixture fixture) : IAsyncLifetime
{
    /// <summary>The web command: busybox httpd on $PORT, with a shell in front that ends it at once on SIGTERM.</summary>
    protected static readonly IReadOnlyList<string> WebCommand =
        ["sh", "-c", "trap 'exit 0' TERM; busybox httpd -f -p $PORT -h /www & wait"];

    protected RuntimeFixture Fixture { get; } = fixture;

    protected string App { get; } = RuntimeFixture.NewApp();

    protected DockerProcessRuntime Runtime { get; } = fixture.NewRuntime();

    protected static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    protected ProcessSpec Spec(string service, params string[] command) => new()
    {
        App = App,
        Service = service,
        Release = 1,
        Image = Fixture.Image,
        Command = command.Length == 0 ? null : command,
    };

    protected ProcessSpec Web(int port = 5000) => Spec("web") with { Command = WebCommand, Port = port };

    /// <summary>Polls until the process reaches the state (processes start asynchronously in the engine).</summary>
    protected async Task<RuntimeProcess> WaitForStateAsync(string id, ProcessState state)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var process = await Runtime.GetAsync(id, Timeout);
            Assert.NotNull(process);
            if (process.State == state || DateTimeOffset.UtcNow > deadline)
            {
                Assert.Equal(state, process.State);
                return process;
            }

            await Task.Delay(100);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Killed outright first: the test is over, and RemoveAppAsync's 10 s grace would only slow the run down.
        foreach (var process in await Runtime.ListAsync(App, Timeout))
        {
            await Runtime.StopAsync(process.Id, TimeSpan.Zero, Timeout);
        }

        await Runtime.RemoveAppAsync(App, Timeout);
        Runtime.Dispose();
    }
}
