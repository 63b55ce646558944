namespace Wharf.Cli.Tests.Infrastructure;

/// <summary>An app created for one test and deleted after it, with its containers (`apps delete --yes`).</summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly CliSession _user;

    private TestApp(CliSession user, string name)
    {
        _user = user;
        Name = name;
    }

    public string Name { get; }

    public static async Task<TestApp> CreateAsync(CliSession user, string prefix)
    {
        var name = AppNames.Unique(prefix);
        var create = await user.RunAsync("apps", "create", name);
        Assert.True(create.ExitCode == 0, create.ToString());
        return new TestApp(user, name);
    }

    public async ValueTask DisposeAsync()
    {
        var delete = await _user.RunAsync("apps", "delete", Name, "--yes");
        Assert.True(delete.ExitCode == 0, delete.ToString());
    }
}
