namespace Wharf.Storage;

/// <summary>Checks the "s3" blob settings before a client is made, so a typo is a sentence at start, not a failed upload later.</summary>
internal static class S3OptionsValidator
{
    public static List<string> Problems(S3Options s3)
    {
        ArgumentNullException.ThrowIfNull(s3);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(s3.Bucket))
        {
            problems.Add("Storage:Blobs is 's3' but Storage:S3:Bucket is empty; set it to the bucket that holds Wharf's blobs.");
        }

        if (!string.IsNullOrWhiteSpace(s3.ServiceUrl)
            && !(Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            problems.Add($"Storage:S3:ServiceUrl is '{s3.ServiceUrl}', which is not an http:// or https:// URL; e.g. 'http://127.0.0.1:9000'.");
        }

        if (string.IsNullOrEmpty(s3.AccessKey) != string.IsNullOrEmpty(s3.SecretKey))
        {
            problems.Add("Storage:S3:AccessKey and Storage:S3:SecretKey must be set together (or both left empty to use the AWS default credentials).");
        }

        if (string.IsNullOrWhiteSpace(s3.Region))
        {
            problems.Add("Storage:S3:Region is empty; set it to the bucket's region, e.g. 'us-east-1' (any value for most self-hosted servers).");
        }

        return problems;
    }
}
