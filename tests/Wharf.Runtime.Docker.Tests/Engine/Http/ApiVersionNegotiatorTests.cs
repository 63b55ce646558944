using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Http;
using Wharf.Runtime.Docker.Engine.System;

namespace Wharf.Runtime.Docker.Tests.Engine.Http;

public sealed class ApiVersionNegotiatorTests
{
    [Theory]
    [InlineData("1.41", "1.41")]
    [InlineData("1.43", "1.43")]
    [InlineData("1.45", "1.45")]
    [InlineData("1.47", "1.45")]
    public void Choose_EngineVersion_IsTheLowerOfBoth(string engine, string expected)
    {
        using var negotiator = new ApiVersionNegotiator(new Version(1, 45), "unix:///test.sock", NullLogger.Instance);

        Assert.Equal(expected, negotiator.Choose(new EngineVersion { ApiVersion = engine, Version = "x" }));
    }

    [Fact]
    public void Choose_EngineOlderThanMinimum_SaysToUpgrade()
    {
        using var negotiator = new ApiVersionNegotiator(new Version(1, 45), "unix:///test.sock", NullLogger.Instance);

        var error = Assert.Throws<DockerEngineException>(() => negotiator.Choose(new EngineVersion { ApiVersion = "1.40", Version = "19.03.2" }));

        Assert.Contains("needs 1.41 or newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_FirstAttemptFails_AsksAgainNextTime()
    {
        using var negotiator = new ApiVersionNegotiator(new Version(1, 45), "unix:///test.sock", NullLogger.Instance);
        var calls = 0;
        Task<EngineVersion> Read(CancellationToken _) => ++calls == 1
            ? throw new DockerEngineException("engine down")
            : Task.FromResult(new EngineVersion { ApiVersion = "1.44", Version = "25.0" });

        await Assert.ThrowsAsync<DockerEngineException>(async () => await negotiator.GetAsync(Read, CancellationToken.None));
        var version = await negotiator.GetAsync(Read, CancellationToken.None);
        var again = await negotiator.GetAsync(Read, CancellationToken.None);

        Assert.Equal("1.44", version);
        Assert.Equal("1.44", again);
        Assert.Equal(2, calls);
    }
}
