using System.Text;
using System.Text.Json;
using Wharf.Cli.Tests.Infrastructure;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests;

/// <summary>`wharf resources` and its subcommands against a real server running real PostgreSQL and Redis containers.</summary>
[Collection(ServerCollectionDefinition.Name)]
[Trait("Category", "Docker")]
public sealed class ResourcesDockerTests(ServerFixture server)
{
    private const string Manifest = """
        resources:
          db:
            type: postgres
            options: {storage: 1GB}
          cache:
            type: redis
        services:
          worker:
            image: debian:bookworm-slim
            command: [sleep, infinity]
            resources: [db, cache]
            termination:
              grace: 2s
        """;

    [Fact]
    public async Task Resources_ListInfoUrlConsoleExportImport_WorkAsTheReadmeSays()
    {
        using var user = server.Admin();
        user.Timeout = TimeSpan.FromMinutes(3);
        using var source = new TempDirectory("wharf-resources-app");
        File.WriteAllText(source.Combine("wharf.yml"), Manifest);
        await using var app = await TestApp.CreateAsync(user, "res");
        var deploy = await user.RunAsync("deploy", source.Path, "-a", app.Name);
        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Contains("Resource db (postgres 15) is ready", deploy.Stdout, StringComparison.Ordinal);

        var list = await user.RunAsync("resources", "-a", app.Name);
        var json = await user.RunAsync("resources", "-a", app.Name, "--json");
        var info = await user.RunAsync("resources", "info", "-a", app.Name, "db");
        var url = await user.RunAsync("resources", "url", "-a", app.Name, "db");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches(@"db\s+postgres\s+15\s+running\s+worker\s+postgres://db:\*{8}@db:5432/db", list.Stdout);
        Assert.Matches(@"cache\s+redis\s+7\s+running\s+worker\s+redis://default:\*{8}@cache:6379/0", list.Stdout);
        var resources = JsonSerializer.Deserialize<List<ResourceInfo>>(json.Stdout, JsonSerializerOptions.Web)!;
        Assert.Equal([$"wharf-{app.Name}-db-data", $"wharf-{app.Name}-cache-data"], resources.Select(r => r.Volume));
        Assert.Contains($"wharf-{app.Name}-db-data", info.Stdout, StringComparison.Ordinal);
        Assert.Contains(" MB of 1.1 GB asked for", info.Stdout, StringComparison.Ordinal);
        Assert.Matches("^postgres://db:[A-Za-z0-9_-]{43}@db:5432/db\n$", url.Stdout);

        var write = await user.RunWithInputAsync("CREATE TABLE words (word text);\nINSERT INTO words VALUES ('kept');\n", "resources", "console", "-a", app.Name, "db");
        var redis = await user.RunWithInputAsync("SET greeting hello\nGET greeting\n", "resources", "console", "-a", app.Name, "cache");
        var failing = await user.RunWithInputAsync("SELECT * FROM missing;\n", "resources", "console", "-a", app.Name, "db");

        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.Equal("OK\nhello\n", redis.Stdout);
        Assert.True(failing.ExitCode == 3, failing.ToString());
        Assert.Contains("relation \"missing\" does not exist", failing.Stderr, StringComparison.Ordinal);

        user.WorkingDirectory = source.Path;
        var export = await user.RunAsync("resources", "export", "-a", app.Name, "db");
        var dump = source.Combine($"{app.Name}-db.dump");
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains($"Exported db of {app.Name} to {app.Name}-db.dump", export.Stdout, StringComparison.Ordinal);
        Assert.Equal("PGDMP", Encoding.ASCII.GetString(File.ReadAllBytes(dump), 0, 5));

        await user.RunWithInputAsync("DROP TABLE words;\n", "resources", "console", "-a", app.Name, "db");
        var refused = await user.RunAsync("resources", "import", "-a", app.Name, "db", dump);
        var import = await user.RunAsync("resources", "import", "-a", app.Name, "db", dump, "--yes");
        var read = await user.RunWithInputAsync("SELECT word FROM words;\n", "resources", "console", "-a", app.Name, "db");

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("Pass --yes to import", refused.Stderr, StringComparison.Ordinal);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains($"into db of {app.Name}", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("kept", read.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppsDelete_KeepData_SaysWhichVolumesStay()
    {
        using var user = server.Admin();
        user.Timeout = TimeSpan.FromMinutes(3);
        using var source = new TempDirectory("wharf-resources-delete");
        File.WriteAllText(source.Combine("wharf.yml"), Manifest.Replace("  db:\n    type: postgres\n    options: {storage: 1GB}\n", "", StringComparison.Ordinal).Replace("[db, cache]", "[cache]", StringComparison.Ordinal));
        var app = AppNames.Unique("keep");
        Assert.Equal(0, (await user.RunAsync("apps", "create", app)).ExitCode);
        var deploy = await user.RunAsync("deploy", source.Path, "-a", app);
        Assert.True(deploy.ExitCode == 0, deploy.ToString());

        var unconfirmed = await user.RunAsync("apps", "delete", app, "--keep-data");
        var delete = await user.RunAsync("apps", "delete", app, "--yes", "--keep-data");

        Assert.True(unconfirmed.ExitCode == 1, unconfirmed.ToString());
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Contains($"Kept the data volumes: wharf-{app}-cache-data.", delete.Stdout, StringComparison.Ordinal);

        // The volume is the user's now; this test made it, so it removes it.
        Assert.Equal(0, (await user.RunAsync("apps", "create", app)).ExitCode);
        Assert.Equal(0, (await user.RunAsync("apps", "delete", app, "--yes")).ExitCode);
    }
}
