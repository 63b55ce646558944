using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Wharf.Core.Blobs;
using Wharf.Storage.Blobs;
using Wharf.Storage.Tests.TestSupport;

namespace Wharf.Storage.Tests.Blobs;

/// <summary>
/// The blob contract against a real S3-compatible server (WHARF_TEST_S3_URL, started by scripts/lib/s3.sh).
/// Each test gets its own bucket, so runs never see each other's objects.
/// </summary>
public sealed class S3BlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly string _bucket = "wharf-test-" + Guid.NewGuid().ToString("N");
    private S3BlobStore? _store;

    [Fact]
    public void Name_IsS3()
    {
        Assert.Equal("s3", Blobs.Name);
    }

    [Fact]
    public async Task OpenReadAsync_BucketMissing_ThrowsInsteadOfReportingNoBlob()
    {
        using var store = new S3BlobStore(Options() with { Bucket = "wharf-test-missing-" + Guid.NewGuid().ToString("N") });

        await Assert.ThrowsAsync<AmazonS3Exception>(() => store.OpenReadAsync("apps/hello/log"));
    }

    public void Dispose() => _store?.Dispose();

    protected override async Task CleanUpAsync()
    {
        if (_bucket.Length > 0 && Environment.GetEnvironmentVariable("WHARF_TEST_S3_URL") is { Length: > 0 })
        {
            using var client = AdminClient();
            var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket });
            foreach (var o in listed.S3Objects ?? [])
            {
                await client.DeleteObjectAsync(_bucket, o.Key);
            }

            await client.DeleteBucketAsync(_bucket);
        }
    }

    protected override async Task<IBlobStore> CreateStoreAsync()
    {
        var options = Options();
        using var client = AdminClient();
        await client.PutBucketAsync(_bucket);
        _store = new S3BlobStore(options);
        return _store;
    }

    private S3Options Options() => new()
    {
        ServiceUrl = RequiredEnvironment.Get("WHARF_TEST_S3_URL", "s3.sh && ensure_s3"),
        Bucket = _bucket,
        AccessKey = Environment.GetEnvironmentVariable("WHARF_TEST_S3_ACCESS_KEY") ?? "S3RVER",
        SecretKey = Environment.GetEnvironmentVariable("WHARF_TEST_S3_SECRET_KEY") ?? "S3RVER",
        ForcePathStyle = true,
    };

    private AmazonS3Client AdminClient()
    {
        var options = Options();
        return new AmazonS3Client(
            new BasicAWSCredentials(options.AccessKey, options.SecretKey),
            new AmazonS3Config
            {
                ServiceURL = options.ServiceUrl,
                ForcePathStyle = true,
                AuthenticationRegion = options.Region,
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            });
    }
}
