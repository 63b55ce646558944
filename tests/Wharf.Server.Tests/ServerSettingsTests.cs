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
                "Unknown argument '--dta': the server takes --data DIR, --api URL, --router URL, --router-https URL, --redirect-https and --no-router.",
                "Unknown argument '/srv': the server takes --data DIR, --api URL, --router URL, --router-https URL, --redirect-https and --no-router.",
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

    [Fact]
    public void FromArgs_RouterFlags_SetHttpsRedirectAndNoRouter()
    {
        var options = ServerSettings.FromArgs(["--router-https", "https://0.0.0.0:8443", "--redirect-https", "--no-router"]);

        Assert.Equal(("https://0.0.0.0:8443", true, false), (options.RouterHttpsUrl, options.RedirectHttps, options.StartRouter));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void FromConfiguration_Nothing_StartsTheRouterWithoutHttps()
    {
        var options = ServerSettings.FromConfiguration(Configuration([]));

        Assert.Equal((true, null, false), (options.StartRouter, options.RouterHttpsUrl, options.RedirectHttps));
    }

    [Fact]
    public void FromConfiguration_RouterNone_RunsWithoutARouter()
    {
        var options = ServerSettings.FromConfiguration(Configuration(new() { ["WHARF_ROUTER"] = "none" }));

        Assert.False(options.StartRouter);
    }

    [Fact]
    public void FromConfiguration_RouterTypo_IsASentenceNotASilentChoice()
    {
        var error = Assert.Throws<ServerStartupException>(() => ServerSettings.FromConfiguration(Configuration(new() { ["WHARF_ROUTER"] = "off" })));

        Assert.Equal("WHARF_ROUTER is 'off': set it to none to run the server without a router (or pass --no-router), or leave it unset to start one.", Assert.Single(error.Problems));
    }

    [Fact]
    public void Validate_RouterListenerProblems_EachASentenceNamingTheFlag()
    {
        var options = new ServerOptions
        {
            DataDirectory = "/tmp/wharf-settings-test",
            ApiUrl = "http://127.0.0.1:7000",
            RouterUrl = "https://127.0.0.1:7000",
            RouterHttpsUrl = "http://127.0.0.1:7001",
            StartRouter = false,
        };

        var problems = options.Validate();

        Assert.Equal(
            [
                "The router URL 'https://127.0.0.1:7000' must start with http://, e.g. http://127.0.0.1:8080: fix --router or WHARF_ROUTER_URL.",
                "The router's HTTPS URL 'http://127.0.0.1:7001' must start with https://, e.g. https://127.0.0.1:8443: fix --router-https or WHARF_ROUTER_HTTPS_URL.",
                "--api and --router both use port 7000: give each its own port.",
            ],
            problems);
    }

    [Fact]
    public void Validate_RedirectWithoutHttps_SaysToAddIt()
    {
        var options = new ServerOptions { DataDirectory = "/tmp/wharf-settings-test", RedirectHttps = true, StartRouter = false };

        Assert.Contains("--redirect-https (WHARF_ROUTER_REDIRECT_HTTPS) needs an HTTPS listener to redirect to: add --router-https URL, e.g. https://127.0.0.1:8443.", options.Validate());
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
