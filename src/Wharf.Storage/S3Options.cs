using System.Text;

namespace Wharf.Storage;

/// <summary>Where the "s3" blob store keeps blobs. Without keys the AWS SDK's default credential chain is used.</summary>
public sealed record S3Options
{
    /// <summary>The endpoint of a self-hosted S3 server, e.g. "http://127.0.0.1:9000"; empty for AWS itself.</summary>
    public string? ServiceUrl { get; init; }

    public string? Bucket { get; init; }

    public string? AccessKey { get; init; }

    public string? SecretKey { get; init; }

    public string Region { get; init; } = "us-east-1";

    /// <summary>Address buckets as URL paths (http://host/bucket/key); self-hosted servers usually need it.</summary>
    public bool ForcePathStyle { get; init; }

    // Options end up in logs and exception messages; the secret must not.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"ServiceUrl = {ServiceUrl}, Bucket = {Bucket}, AccessKey = {AccessKey}, ");
        builder.Append($"SecretKey = {(SecretKey is null ? "" : "***")}, Region = {Region}, ForcePathStyle = {ForcePathStyle}");
        return true;
    }
}
