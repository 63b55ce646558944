using System.Formats.Tar;
using Wharf.Cli.Context;
using Wharf.Cli.Deploy;
using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests.Unit;

/// <summary>What `wharf deploy` uploads: the app directory as a reproducible tar.</summary>
public sealed class ContextPackerTests : IDisposable
{
    private readonly TempDirectory _app = new("wharf-context");

    [Fact]
    public async Task PackToFile_SameTreeTouchedLater_GivesTheSameBytesAndDigest()
    {
        WriteApp();
        using var first = Pack();
        foreach (var file in Directory.EnumerateFiles(_app.Path, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(3));
        }

        await Task.Delay(1100);
        using var second = Pack();

        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(await File.ReadAllBytesAsync(first.TarPath), await File.ReadAllBytesAsync(second.TarPath));
        Assert.Matches("^sha256:[0-9a-f]{64}$", first.Digest);
    }

    /// <summary>
    /// A digest fixed in this file: it only changes when the tar format does, and catches anything that varies
    /// between processes or machines (a process id, a clock, a user name) that one in-process comparison cannot.
    /// </summary>
    [Fact]
    public void PackToFile_KnownTree_HasTheKnownDigest()
    {
        WriteApp();
        Write(new string('d', 120) + "/" + new string('f', 120) + ".txt", "long name\n");
        foreach (var entry in Directory.EnumerateFileSystemEntries(_app.Path, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(entry, Directory.Exists(entry) ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100);
        }

        using var packed = Pack();

        Assert.Equal("sha256:8d5c628af720d329f72939b8d40e113b4c574cc8d4eef91608cfaa30606d3ba5", packed.Digest);
    }

    [Fact]
    public void PackToFile_ChangedFile_ChangesTheDigest()
    {
        WriteApp();
        using var before = Pack();
        File.AppendAllText(_app.Combine("app.py"), "# changed\n");

        using var after = Pack();

        Assert.NotEqual(before.Digest, after.Digest);
    }

    [Fact]
    public async Task PackToFile_Entries_AreSortedOwnedByRootWithFixedTimeAndKeptModes()
    {
        WriteApp();
        File.SetUnixFileMode(_app.Combine("run.sh"), (UnixFileMode)0b111_101_101);

        var entries = await EntriesAsync();

        var names = entries.Select(e => e.Name).ToList();
        Assert.Equal(["Dockerfile", "app.py", "lib/", "lib/util.py", "run.sh", "wharf.yml"], names);
        Assert.All(entries, e => Assert.Equal(ContextPacker.FixedTime, e.ModificationTime));
        Assert.All(entries, e => Assert.Equal((0, 0, "", ""), (e.Uid, e.Gid, ((PosixTarEntry)e).UserName, ((PosixTarEntry)e).GroupName)));
        Assert.Equal((UnixFileMode)0b111_101_101, entries.Single(e => e.Name == "run.sh").Mode);
        Assert.Equal(TarEntryType.Directory, entries.Single(e => e.Name == "lib/").EntryType);
    }

    [Fact]
    public async Task PackToFile_DockerIgnore_LeavesOutMatchesButKeepsNegationsAndBuildFiles()
    {
        WriteApp();
        Write("node_modules/left-pad/index.js", "x");
        Write("docs/drop.md", "x");
        Write("docs/keep.md", "x");
        Write("debug.log", "x");
        Write(".dockerignore", "*\n!app.py\n!lib/**\n!docs/keep.md\n");

        var names = (await EntriesAsync()).Select(e => e.Name).ToList();

        // Like Docker, an excluded directory's own entry stays out even when files below it are re-included.
        Assert.Equal([".dockerignore", "Dockerfile", "app.py", "docs/keep.md", "lib/util.py", "wharf.yml"], names);
    }

    [Fact]
    public async Task PackToFile_ExcludedDirectory_IsLeftOutWhole()
    {
        WriteApp();
        Write("cache/big.bin", "x");
        Write(".dockerignore", "cache\n");

        var names = (await EntriesAsync()).Select(e => e.Name).ToList();

        Assert.DoesNotContain(names, n => n.StartsWith("cache", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PackToFile_ServiceDockerfileInSubdirectory_IsSentDespiteIgnore()
    {
        Write("wharf.yml", "services:\n  api:\n    build:\n      path: api\n      dockerfile: Dockerfile.prod\n");
        Write("api/Dockerfile.prod", "FROM debian:bookworm-slim\n");
        Write("api/main.sh", "echo\n");
        Write(".dockerignore", "api\n");

        var names = (await EntriesAsync()).Select(e => e.Name).ToList();

        Assert.Equal([".dockerignore", "api/Dockerfile.prod", "wharf.yml"], names);
    }

    public void Dispose() => _app.Dispose();

    private void WriteApp()
    {
        Write("wharf.yml", "services:\n  web:\n    build: .\n    port: 5000\n");
        Write("Dockerfile", "FROM debian:bookworm-slim\n");
        Write("app.py", "print('hi')\n");
        Write("run.sh", "#!/bin/sh\n");
        Write("lib/util.py", "X = 1\n");
    }

    private void Write(string path, string text)
    {
        var full = _app.Combine(path.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private PackedContext Pack()
    {
        var check = ManifestPrecheck.Run(_app.Path, new Dictionary<string, string>());
        var ignore = DockerIgnore.Load(_app.Path, AlwaysSent.For(check.FileName, check.Manifest));
        return ContextPacker.PackToFile(_app.Path, ignore, CancellationToken.None);
    }

    private async Task<List<TarEntry>> EntriesAsync()
    {
        using var packed = Pack();
        await using var stream = File.OpenRead(packed.TarPath);
        await using var reader = new TarReader(stream);
        var entries = new List<TarEntry>();
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            entries.Add(entry);
        }

        return entries;
    }
}
