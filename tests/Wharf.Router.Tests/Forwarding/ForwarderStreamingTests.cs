using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Wharf.Router.Tests.Support;
using Xunit.Abstractions;

namespace Wharf.Router.Tests.Forwarding;

/// <summary>Bodies stream through the router both ways: nothing is held whole, and data moves as it is produced.</summary>
[Collection(nameof(MeasuresMemory))]
public sealed class ForwarderStreamingTests(ITestOutputHelper output)
{
    private const long HundredMb = 100L * 1024 * 1024;
    private const double MaxGrowthMb = 30;

    [Fact]
    public async Task Forward_100MbUpload_StreamedToAppWithFlatMemory()
    {
        var appGotBytes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(app => app.MapPost("/upload", async (HttpRequest request) =>
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                total += read;
                if (total >= 1024 * 1024)
                {
                    appGotBytes.TrySetResult();
                }
            }

            return total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        MemoryWatch memory;
        await using (memory = MemoryWatch.Start())
        {
            // The client stops after 10 MB until the app has 1 MB: the router passes the body on as it comes.
            response = await client.PostAsync("http://web.hello.localhost/upload", new GeneratedContent(HundredMb, pauseAfter: 10L * 1024 * 1024, appGotBytes.Task));
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HundredMb.ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync());
        }

        output.WriteLine($"100 MB up in {clock.Elapsed.TotalSeconds:0.00} s; live heap grew {memory.HeapGrowthMb:0.0} MB, working set {memory.WorkingSetGrowthMb:0.0} MB");
        Assert.True(memory.HeapGrowthMb < MaxGrowthMb, $"the live heap grew {memory.HeapGrowthMb:0.0} MB while 100 MB went up");
        Assert.True(await backend.Live.WaitForIdleAsync());
    }

    [Fact]
    public async Task Forward_100MbDownload_StreamedToClientWithFlatMemory()
    {
        var clientGotBytes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/download", async (HttpContext context) =>
        {
            var block = new byte[64 * 1024];
            context.Response.ContentLength = HundredMb;
            for (long sent = 0; sent < HundredMb; sent += block.Length)
            {
                if (sent == 10L * 1024 * 1024)
                {
                    // The rest is written only once the client has 1 MB: the router passes it on as it comes.
                    await clientGotBytes.Task.WaitAsync(TimeSpan.FromSeconds(30));
                }

                await context.Response.Body.WriteAsync(block);
            }
        }));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        var clock = Stopwatch.StartNew();
        long received = 0;
        MemoryWatch memory;
        await using (memory = MemoryWatch.Start())
        {
            using var response = await client.GetAsync("http://web.hello.localhost/download", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HundredMb, response.Content.Headers.ContentLength);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
                if (received >= 1024 * 1024)
                {
                    clientGotBytes.TrySetResult();
                }
            }
        }

        output.WriteLine($"100 MB down in {clock.Elapsed.TotalSeconds:0.00} s; live heap grew {memory.HeapGrowthMb:0.0} MB, working set {memory.WorkingSetGrowthMb:0.0} MB");
        Assert.Equal(HundredMb, received);
        Assert.True(memory.HeapGrowthMb < MaxGrowthMb, $"the live heap grew {memory.HeapGrowthMb:0.0} MB while 100 MB came down");
        Assert.True(await backend.Live.WaitForIdleAsync());
    }

    [Fact]
    public async Task Forward_ChunkedResponse_EachChunkReachesClientBeforeTheNextIsWritten()
    {
        const int Chunks = 3;
        var clientGot = Enumerable.Range(0, Chunks).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var clock = Stopwatch.StartNew();
        var written = new TimeSpan[Chunks];
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/ticks", async (HttpContext context) =>
        {
            for (var i = 0; i < Chunks; i++)
            {
                if (i > 0)
                {
                    // A chunk every second; the next one is written only after the client has this one.
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    await clientGot[i - 1].Task.WaitAsync(TimeSpan.FromSeconds(20));
                }

                written[i] = clock.Elapsed;
                await context.Response.WriteAsync($"tick {i}\n");
                await context.Response.Body.FlushAsync();
            }
        }));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        using var response = await client.GetAsync("http://web.hello.localhost/ticks", HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.Headers.TransferEncodingChunked);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        for (var i = 0; i < Chunks; i++)
        {
            Assert.Equal($"tick {i}", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)));
            output.WriteLine($"tick {i}: written at {written[i].TotalMilliseconds:0} ms, read at {clock.Elapsed.TotalMilliseconds:0} ms");
            clientGot[i].SetResult();
        }

        Assert.Null(await reader.ReadLineAsync());
        Assert.True(await backend.Live.WaitForIdleAsync());
    }

    [Fact]
    public async Task Forward_SlowBodyAfterHeaders_ClientGetsHeadersBeforeBody()
    {
        var clientGotHeaders = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/events", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.StartAsync();
            await context.Response.Body.FlushAsync();
            await clientGotHeaders.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await context.Response.WriteAsync("data: hello\n\n");
        }));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        using var response = await client.GetAsync("http://web.hello.localhost/events", HttpCompletionOption.ResponseHeadersRead)
            .WaitAsync(TimeSpan.FromSeconds(20));
        clientGotHeaders.SetResult();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("data: hello\n\n", await response.Content.ReadAsStringAsync());
    }
}
