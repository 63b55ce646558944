using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Wharf.Core.Blobs;

namespace Wharf.Storage.Blobs;

/// <summary>Blobs as objects in one S3 bucket (AWS, or a self-hosted S3 server with path-style addressing).</summary>
internal sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;

    public S3BlobStore(S3Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Bucket);
        _bucket = options.Bucket;
        _client = CreateClient(options);
    }

    public string Name => "s3";

    public async Task PutAsync(string key, Stream content, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);

        // The SDK signs the body and needs its length up front: a stream that cannot seek (or is not at its start)
        // is spooled to a temporary file first rather than held in memory, since build contexts can be large.
        await using var spool = content.CanSeek && content.Position == 0 ? null : await SpoolAsync(content, ct);
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = spool ?? content,
            AutoCloseStream = false,

            // aws-chunked uploads are not understood by many self-hosted S3 servers.
            UseChunkEncoding = false,
        };
        await _client.PutObjectAsync(request, ct);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        try
        {
            var response = await _client.GetObjectAsync(_bucket, key, ct);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception ex) when (IsMissingObject(ex))
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        try
        {
            await _client.GetObjectMetadataAsync(_bucket, key, ct);
            return true;
        }
        catch (AmazonS3Exception ex) when (IsMissingObject(ex))
        {
            return false;
        }
    }

    /// <remarks>S3 deletes succeed whether or not the object existed, so existence is checked first; a racing delete may both report true.</remarks>
    public async Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        if (!await ExistsAsync(key, ct))
        {
            return false;
        }

        await _client.DeleteObjectAsync(_bucket, key, ct);
        return true;
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken ct = default)
    {
        BlobKey.ValidatePrefix(prefix);
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix.Length == 0 ? null : prefix };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request, ct);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        // S3 orders by UTF-8 bytes; the contract promises ordinal (UTF-16) order.
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    public void Dispose() => _client.Dispose();

    private static AmazonS3Client CreateClient(S3Options options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,

            // The SDK's default integrity checksums (trailing CRC headers) are rejected by many self-hosted servers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    // A missing bucket is a configuration error, not a missing blob: let it surface.
    private static bool IsMissingObject(AmazonS3Exception ex) =>
        ex.StatusCode == HttpStatusCode.NotFound && ex.ErrorCode != "NoSuchBucket";

    private static async Task<FileStream> SpoolAsync(Stream content, CancellationToken ct)
    {
        var spool = new FileStream(
            Path.Combine(Path.GetTempPath(), "wharf-s3-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await content.CopyToAsync(spool, ct);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }
}
