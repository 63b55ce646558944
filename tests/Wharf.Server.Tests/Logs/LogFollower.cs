using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Wharf.Core.Api;

namespace Wharf.Server.Tests.Logs;

/// <summary>
/// A followed log (GET …/logs?follow=true) read in the background, as `wharf logs -f` reads it: each line is kept
/// with the moment it arrived here.
/// </summary>
public sealed class LogFollower : IAsyncDisposable
{
    private readonly Channel<(LogLineInfo Line, DateTimeOffset ArrivedAt)> _lines = Channel.CreateUnbounded<(LogLineInfo, DateTimeOffset)>();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpResponseMessage _response;
    private readonly Task _reading;

    private LogFollower(HttpResponseMessage response)
    {
        _response = response;
        _reading = ReadAsync();
    }

    /// <summary>Everything received so far.</summary>
    public List<LogLineInfo> Received { get; } = [];

    public static async Task<LogFollower> OpenAsync(HttpClient client, string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Fail($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(timeout.Token)}");
        }

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        return new LogFollower(response);
    }

    /// <summary>Every line of a log that is not followed, to its end.</summary>
    public static async Task<List<LogLineInfo>> ReadAllAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse)];
    }

    /// <summary>Waits for the first line (after those already taken) that matches; fails after <paramref name="seconds"/>.</summary>
    public async Task<(LogLineInfo Line, DateTimeOffset ArrivedAt)> WaitForAsync(Func<LogLineInfo, bool> match, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (true)
            {
                var next = await _lines.Reader.ReadAsync(timeout.Token);
                if (match(next.Line))
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No matching log line within {seconds} s; received: {string.Join(" | ", Received.TakeLast(20).Select(l => l.Text))}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reading.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        using var reader = new StreamReader(await _response.Content.ReadAsStreamAsync(_stop.Token));
        while (await reader.ReadLineAsync(_stop.Token) is { } text)
        {
            var line = Parse(text);
            lock (Received)
            {
                Received.Add(line);
            }

            await _lines.Writer.WriteAsync((line, DateTimeOffset.UtcNow), _stop.Token);
        }
    }

    private static LogLineInfo Parse(string text) => JsonSerializer.Deserialize<LogLineInfo>(text, JsonSerializerOptions.Web)!;
}
