using Wharf.Cli.Commands;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests.Unit;

public sealed class LogsFormatTests
{
    private static readonly DateTimeOffset _time = new(2026, 5, 1, 12, 0, 0, 123, TimeSpan.FromHours(2));

    [Fact]
    public void Line_ProcessOutput_IsUtcTimeServiceProcessReleaseText()
    {
        Assert.Equal(
            "2026-05-01T10:00:00.123Z web/3f2a9c0d1e2b[4] GET / 200",
            LogsFormat.Line(new LogLineInfo(_time, "stdout", "web", "3f2a9c0d1e2b", 4, "GET / 200")));
    }

    [Fact]
    public void Line_Event_IsFromWharf()
    {
        Assert.Equal(
            "2026-05-01T10:00:00.123Z wharf[3] Deployment 3 (deploy) started",
            LogsFormat.Line(new LogLineInfo(_time, "event", null, null, 3, "Deployment 3 (deploy) started")));
        Assert.Equal(
            "2026-05-01T10:00:00.123Z wharf/web web process 3f2a9c0d1e2b crashed: exited with code 1",
            LogsFormat.Line(new LogLineInfo(_time, "event", "web", "3f2a9c0d1e2b", null, "web process 3f2a9c0d1e2b crashed: exited with code 1")));
    }

    [Fact]
    public void Line_BuildOutput_IsFromTheBuild()
    {
        Assert.Equal(
            "2026-05-01T10:00:00.123Z build-7 Step 1/3 : FROM debian:bookworm-slim",
            LogsFormat.Line(new LogLineInfo(_time, "build", null, "build-7", null, "Step 1/3 : FROM debian:bookworm-slim")));
    }

    [Fact]
    public void QueryString_EveryOption_IsEscaped()
    {
        var request = new LogRequest
        {
            Since = "10m",
            Service = "web",
            Release = 3,
            Filter = "GET /cart?id=1 & more",
            IgnoreCase = true,
            Tail = 100,
            Follow = true,
            Source = "stdout,stderr",
        };

        Assert.Equal(
            "?since=10m&service=web&release=3&source=stdout%2Cstderr&filter=GET%20%2Fcart%3Fid%3D1%20%26%20more&ignoreCase=true&tail=100&follow=true",
            request.QueryString());
        Assert.Equal("", new LogRequest().QueryString());
    }
}
