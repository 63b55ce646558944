using Wharf.Storage.Tests.TestSupport;

namespace Wharf.Storage.Tests;

public sealed class StorageFactoryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private StorageOptions Defaults => new() { DataDirectory = _directory.Path };

    [Fact]
    public void Validate_Defaults_NoProblems()
    {
        Assert.Empty(StorageFactory.Validate(Defaults));
    }

    [Fact]
    public void Validate_UnknownNames_OneSentencePerSettingListingTheValidNames()
    {
        var problems = StorageFactory.Validate(Defaults with { State = "mysql", Blobs = "gcs", Keys = "vault" });

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("Storage:State is 'mysql'", StringComparison.Ordinal) && p.Contains("sqlite, postgres", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Storage:Blobs is 'gcs'", StringComparison.Ordinal) && p.Contains("filesystem, s3", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Storage:Keys is 'vault'", StringComparison.Ordinal) && p.Contains("local", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PostgresWithoutConnectionString_SaysWhatToSet()
    {
        var problem = Assert.Single(StorageFactory.Validate(Defaults with { State = "postgres" }));

        Assert.Contains("Storage:PostgresConnectionString", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_S3WithoutBucketWithBadUrlAndHalfTheKeys_ReportsEveryProblem()
    {
        var options = Defaults with { Blobs = "s3", S3 = new S3Options { ServiceUrl = "minio:9000", AccessKey = "id" } };

        var problems = StorageFactory.Validate(options);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("Storage:S3:Bucket", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'minio:9000'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Storage:S3:SecretKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoDataDirectoryButPostgresS3AndAKeyFile_NoProblems()
    {
        var options = new StorageOptions
        {
            State = "postgres",
            PostgresConnectionString = "Host=db",
            Blobs = "s3",
            S3 = new S3Options { Bucket = "wharf" },
            KeyFile = _directory.Combine("kek.key"),
        };

        Assert.Empty(StorageFactory.Validate(options));
    }

    [Fact]
    public void Validate_NoDataDirectoryWithLocalDefaults_SaysToSetIt()
    {
        var problems = StorageFactory.Validate(new StorageOptions());

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Contains("Storage:DataDirectory is empty", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_Defaults_SqliteFilesystemAndLocalKeyUnderTheDataDirectory()
    {
        await using var state = StorageFactory.CreateState(Defaults);
        await state.MigrateAsync();
        var blobs = StorageFactory.CreateBlobs(Defaults);
        var key = StorageFactory.CreateKey(Defaults);

        Assert.Equal(("sqlite", "filesystem", "local"), (state.Name, blobs.Name, key.Name));
        Assert.True(File.Exists(_directory.Combine("state.db")));
        Assert.True(Directory.Exists(_directory.Combine("blobs")));
        Assert.True(File.Exists(_directory.Combine("keys", "kek.key")));
    }

    [Fact]
    public async Task Create_PostgresAndS3_PicksThemByNameCaseInsensitively()
    {
        var options = Defaults with
        {
            State = "Postgres",
            PostgresConnectionString = "Host=127.0.0.1;Database=none",
            Blobs = "S3",
            S3 = new S3Options { ServiceUrl = "http://127.0.0.1:1", Bucket = "wharf", ForcePathStyle = true },
        };

        await using var state = StorageFactory.CreateState(options);
        var blobs = StorageFactory.CreateBlobs(options);

        Assert.Equal(("postgres", "s3"), (state.Name, blobs.Name));
        (blobs as IDisposable)?.Dispose();
    }

    [Fact]
    public void CreateState_UnknownName_ThrowsTheSentence()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageFactory.CreateState(Defaults with { State = "redis" }));

        Assert.Contains("Storage:State is 'redis'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateKey_UnknownName_ThrowsTheSentence()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageFactory.CreateKey(Defaults with { Keys = "kms" }));

        Assert.Contains("use one of: local", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_SecretsSet_NeverPrintsThem()
    {
        var options = Defaults with
        {
            PostgresConnectionString = "Host=db;Password=hunter2",
            S3 = new S3Options { AccessKey = "AKIDEXAMPLE", SecretKey = "wJalrXUtnFEMI" },
        };

        var text = options.ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("wJalrXUtnFEMI", text, StringComparison.Ordinal);
        Assert.Contains("AKIDEXAMPLE", text, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
