namespace Wharf.Storage.Blobs;

/// <summary>
/// One key rule for every blob store, so a key that works on the filesystem also works on S3 and the other way
/// round. Keys are relative '/'-separated paths, e.g. "apps/hello/builds/3/context.tar".
/// </summary>
internal static class BlobKey
{
    // S3's limit, in UTF-8 bytes; characters is close enough for keys Wharf makes.
    private const int MaxLength = 1024;

    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw new ArgumentException("A blob key must not be empty.", nameof(key));
        }

        ValidatePath(key, nameof(key));
    }

    /// <summary>A list prefix is a key or the start of one: empty, or ending in '/', or a partial last segment.</summary>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0)
        {
            ValidatePath(prefix.EndsWith('/') ? prefix[..^1] : prefix, nameof(prefix));
        }
    }

    private static void ValidatePath(string key, string parameterName)
    {
        if (key.Length > MaxLength)
        {
            throw new ArgumentException($"Blob key '{key[..40]}...' is {key.Length} characters long; the limit is {MaxLength}.", parameterName);
        }

        if (key.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Blob key '{key}' contains a backslash; separate segments with '/'.", parameterName);
        }

        if (key.StartsWith('/'))
        {
            throw new ArgumentException($"Blob key '{key}' is absolute; keys are relative, e.g. 'apps/hello/builds/3/context.tar'.", parameterName);
        }

        if (key.Any(char.IsControl))
        {
            throw new ArgumentException($"Blob key '{key}' contains a control character.", parameterName);
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0)
            {
                throw new ArgumentException($"Blob key '{key}' has an empty segment ('//' or a trailing '/').", parameterName);
            }

            if (segment is "." or "..")
            {
                throw new ArgumentException($"Blob key '{key}' contains '{segment}'; keys may not navigate the store.", parameterName);
            }

            if (segment.StartsWith('.'))
            {
                throw new ArgumentException(
                    $"Blob key '{key}' has a segment starting with '.', which is reserved for the store's temporary files.",
                    parameterName);
            }
        }
    }
}
