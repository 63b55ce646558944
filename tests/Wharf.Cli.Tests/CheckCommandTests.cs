using System.Text.RegularExpressions;
using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests;

/// <summary><c>wharf check</c> works offline: no server, no login.</summary>
public sealed class CheckCommandTests
{
    private const string GoodManifest = """
        services:
          web:
            image: nginx
            port: ${WEB_PORT}
          worker:
            image: busybox
        """;

    [Fact]
    public async Task Check_NoPathInAppDirectory_PrintsOneOkLineWithTheServices()
    {
        using var app = new TempDirectory();
        await File.WriteAllTextAsync(app.Combine("wharf.yml"), GoodManifest);
        using var user = new CliSession().With("WEB_PORT", "8080");
        user.WorkingDirectory = app.Path;

        var check = await user.RunAsync("check");

        Assert.True(check.ExitCode == 0, check.ToString());
        var line = Assert.Single(check.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("wharf.yml: OK (2 services", line, StringComparison.Ordinal);
        Assert.Contains("web, worker", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AppDirectoryBelowCurrent_NamesTheFileRelativeToIt()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(root.Combine("hello"));
        await File.WriteAllTextAsync(root.Combine("hello", "wharf.yml"), GoodManifest);
        using var user = new CliSession().With("WEB_PORT", "8080");
        user.WorkingDirectory = root.Path;

        var check = await user.RunAsync("check", "hello");

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.StartsWith("hello/wharf.yml: OK (", check.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_VariableNotInEnvironment_FailsWithItsLocation()
    {
        using var app = new TempDirectory();
        await File.WriteAllTextAsync(app.Combine("wharf.yml"), GoodManifest);
        using var user = new CliSession();
        user.WorkingDirectory = app.Path;

        var check = await user.RunAsync("check", "wharf.yml");

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Matches(@"^wharf\.yml:4:\d+: .*WEB_PORT", check.Stderr);
    }

    [Fact]
    public async Task Check_ManifestWithSeveralProblems_PrintsEveryErrorWithLineAndColumn()
    {
        using var app = new TempDirectory();
        await File.WriteAllTextAsync(app.Combine("wharf.yml"), """
            services:
              web:
                image: nginx
                port: not-a-number
                colour: blue
            """);
        using var user = new CliSession();
        user.WorkingDirectory = app.Path;

        var check = await user.RunAsync("check", ".");

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Empty(check.Stdout);
        var errors = check.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(errors.Length >= 2, check.ToString());
        Assert.All(errors, error => Assert.Matches(new Regex(@"^wharf\.yml:\d+:\d+: \S"), error));
        Assert.Contains(errors, error => error.StartsWith("wharf.yml:4:", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("wharf.yml:5:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_DirectoryWithoutManifest_FailsSayingSo()
    {
        using var empty = new TempDirectory();
        using var user = new CliSession();
        user.WorkingDirectory = empty.Path;

        var check = await user.RunAsync("check");

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.StartsWith("wharf.yml:1:1: ", check.Stderr, StringComparison.Ordinal);
    }
}
