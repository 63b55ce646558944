using Microsoft.Extensions.Configuration;

namespace Wharf.Server.Tests;

public sealed class ServerSettingsTests
{
    [Fact]
    public void FromArgs_TheThreeFlags_SetTheirOptions()
    {
        var options = ServerSettings.FromArgs(["--data", "/srv/wharf", "--api", "http://0.0.0.0:9000", "--router=http://0.0.0.0:80"]);

        Assert.Equal(("/srv/wharf", "http://0.0.0.0:9000", "http://0.0.0.0:80"), (options.DataDirectory, options.ApiUrl, options.RouterUrl));
        Assert.Equal("/srv/wharf", options.EffectiveStorage.DataDirectory);
    }

    [Fact]
    public void FromArgs_RelativeData_IsMadeAbsolute()
    {
        var options = ServerSettings.FromArgs(["--data", "relative/dir"]);

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "relative", "dir"), options.DataDirectory);
    }

    [Fact]
    public void FromConfiguration_StorageVariables_ChooseTheStores()
    {
        var configuration = Configuration(new()
        {
            ["WHARF_DATA"] = "/data",
            ["WHARF_STATE"] = "postgres",
            ["WHARF_POSTGRES"] = "Host=db;Username=wharf",
            ["WHARF_BLOBS"] = "s3",
            ["WHARF_S3_URL"] = "http://127.0.0.1:9000",
            ["WHARF_S3_BUCKET"] = "wharf-blobs",
            ["WHARF_S3_REGION"] = "eu-west-1",
            ["WHARF_S3_ACCESS_KEY"] = "AK",
            ["WHARF_S3_SECRET_KEY"] = "SK",
            ["WHARF_S3_PATH_STYLE"] = "true",
        });

        var options = ServerSettings.FromConfiguration(configuration);

        var storage = options.EffectiveStorage;
        Assert.Equal(("/data", "postgres", "Host=db;Username=wharf", "s3"), (storage.DataDirectory, storage.State, storage.PostgresConnectionString, storage.Blobs));
        Assert.Equal(("http://127.0.0.1:9000", "wharf-blobs", "eu-west-1", "AK", "SK", true), (storage.S3.ServiceUrl, storage.S3.Bucket, storage.S3.Region, storage.S3.AccessKey, storage.S3.SecretKey, storage.S3.ForcePathStyle));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void FromConfiguration_StorageSection_IsUsedUnderTheVariables()
    {
        var configuration = Configuration(new()
        {
            ["Storage:State"] = "postgres",
            ["Storage:PostgresConnectionString"] = "Host=section",
            ["WHARF_POSTGRES"] = "Host=variable",
        });

        var storage = ServerSettings.FromConfiguration(configuration).Storage;

        Assert.Equal(("postgres", "Host=variable"), (storage.State, storage.PostgresConnectionString));
    }

    [Fact]
    public void FromConfiguration_Nothing_DefaultsToSqliteInTheHomeDirectory()
    {
        var options = ServerSettings.FromConfiguration(Configuration([]));

        Assert.Equal(ServerOptions.DefaultApiUrl, options.ApiUrl);
        Assert.Equal("http://127.0.0.1:8080", options.RouterUrl);
        Assert.EndsWith(Path.Combine(".local", "share", "wharf"), options.DataDirectory, StringComparison.Ordinal);
        Assert.Equal(("sqlite", "filesystem", "local"), (options.Storage.State, options.Storage.Blobs, options.Storage.Keys));
    }

    [Fact]
    public void FromArgs_MisspeltFlagAndMissingValue_ThrowsEverySentence()
    {
        var error = Assert.Throws<ServerStartupException>(() => ServerSettings.FromArgs(["--dta", "/srv", "--api"]));

        Assert.Equal(
            [
                "Unknown argument '--dta': the server takes --data DIR, --api URL and --router URL.",
                "Unknown argument '/srv': the server takes --data DIR, --api URL and --router URL.",
                "--api needs a value, e.g. --api http://127.0.0.1:7070.",
            ],
            error.Problems);
    }

    [Fact]
    public void FromArgs_ConfigurationOverride_IsAccepted()
    {
        var options = ServerSettings.FromArgs(["--WHARF_DATA=/from/override", "--environment=Development"]);

        Assert.Equal("/from/override", options.DataDirectory);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
