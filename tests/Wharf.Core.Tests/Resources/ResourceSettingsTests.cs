using Wharf.Core.Resources;
using Wharf.Manifest;

namespace Wharf.Core.Tests.Resources;

public sealed class ResourceSettingsTests
{
    [Fact]
    public void Settings_NoOptions_DefaultVersionDurableNoStorage()
    {
        var errors = new List<string>();

        var postgres = ResourceKinds.For(ResourceType.Postgres).Settings(Resource(ResourceType.Postgres), errors);
        var redis = ResourceKinds.For(ResourceType.Redis).Settings(Resource(ResourceType.Redis), errors);

        Assert.Empty(errors);
        Assert.Equal(new ResourceSettings("15", null, true), postgres);
        Assert.Equal(new ResourceSettings("7", null, true), redis);
    }

    [Fact]
    public void Settings_AllOptions_ReadThem()
    {
        var errors = new List<string>();

        var settings = ResourceKinds.For(ResourceType.Redis).Settings(
            Resource(ResourceType.Redis, ("version", "7.2"), ("storage", "512MB"), ("durable", "false")), errors);

        Assert.Empty(errors);
        Assert.Equal(new ResourceSettings("7.2", 512L * 1024 * 1024, false), settings);
    }

    [Fact]
    public void Settings_UnknownOption_NamesItAndTheKnownOnes()
    {
        var errors = new List<string>();

        var settings = ResourceKinds.For(ResourceType.Postgres).Settings(Resource(ResourceType.Postgres, ("verison", "16")), errors);

        Assert.Null(settings);
        Assert.Equal(["resources.db.options: unknown option 'verison' for a postgres resource; the options are version, storage."], errors);
    }

    [Fact]
    public void Settings_DurableOnPostgres_SaysItIsForRedis()
    {
        var errors = new List<string>();

        ResourceKinds.For(ResourceType.Postgres).Settings(Resource(ResourceType.Postgres, ("durable", "true")), errors);

        Assert.Contains("durable applies to redis only", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_SeveralBadValues_ReportsEveryOne()
    {
        var errors = new List<string>();

        ResourceKinds.For(ResourceType.Redis).Settings(
            Resource(ResourceType.Redis, ("version", "latest"), ("storage", "lots"), ("durable", "maybe")), errors);

        Assert.Equal(
            [
                "resources.db.options.version: 'latest' is not a version; write a number such as 7.",
                "resources.db.options.storage: 'lots' is not a size; write one such as 1GB or 512MB.",
                "resources.db.options.durable: 'maybe' is not true or false.",
            ],
            errors);
    }

    [Fact]
    public void Settings_RedisOlderThanSeven_SaysWharfNeedsSeven()
    {
        var errors = new List<string>();

        ResourceKinds.For(ResourceType.Redis).Settings(Resource(ResourceType.Redis, ("version", "6.2")), errors);

        Assert.Equal(["resources.db.options.version: redis 6.2 is too old; Wharf needs 7 or newer (default 7)."], errors);
    }

    [Theory]
    [InlineData("1GB", 1L << 30)]
    [InlineData("1Gi", 1L << 30)]
    [InlineData("512 MB", 512L << 20)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("4096", 4096L)]
    public void TryParse_Sizes_AreBinaryUnits(string text, long bytes)
    {
        Assert.True(StorageSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1GB")]
    [InlineData("GB")]
    [InlineData("10 parsecs")]
    public void TryParse_NotASize_ReturnsFalse(string text)
    {
        Assert.False(StorageSize.TryParse(text, out _));
    }

    [Fact]
    public void Spec_Redis_PasswordAndDurabilityReachTheServerCommand()
    {
        var kind = ResourceKinds.For(ResourceType.Redis);
        var credentials = new ResourceCredentials("default", "pw", "0");

        var durable = kind.Spec("shop", "cache", new ResourceSettings("7", null, true), credentials);
        var cache = kind.Spec("shop", "cache", new ResourceSettings("7", null, false), credentials);

        Assert.Equal("redis:7", durable.Image);
        Assert.Equal(["redis-server", "--requirepass", "pw", "--appendonly", "yes", "--enable-debug-command", "local"], durable.Command);
        Assert.Equal(["redis-server", "--requirepass", "pw", "--appendonly", "no", "--save", "", "--enable-debug-command", "local"], cache.Command);
        Assert.NotEqual(durable.Fingerprint(), cache.Fingerprint());
    }

    [Fact]
    public void NewCredentials_Postgres_NameIsUserAndDatabaseAndPasswordsDiffer()
    {
        var kind = ResourceKinds.For(ResourceType.Postgres);

        var first = kind.NewCredentials("order-db");
        var second = kind.NewCredentials("order-db");

        Assert.Equal(("order_db", "order_db"), (first.User, first.Database));
        Assert.NotEqual(first.Password, second.Password);
        Assert.Equal(43, first.Password.Length);
        Assert.Equal(first.Password, Uri.EscapeDataString(first.Password));
        Assert.DoesNotContain(first.Password, first.ToString(), StringComparison.Ordinal);
    }

    private static ResourceManifest Resource(ResourceType type, params (string Key, string Value)[] options) => new()
    {
        Name = "db",
        Type = type,
        Options = options.ToDictionary(o => o.Key, o => o.Value),
    };
}
