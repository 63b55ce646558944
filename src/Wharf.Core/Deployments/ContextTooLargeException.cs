using System.Globalization;

namespace Wharf.Core.Deployments;

/// <summary>The uploaded source is bigger than Deployments:MaxContextBytes allows.</summary>
public sealed class ContextTooLargeException : Exception
{
    public ContextTooLargeException()
    {
    }

    public ContextTooLargeException(string message)
        : base(message)
    {
    }

    public ContextTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ContextTooLargeException(long maxBytes)
        : base(
            $"The uploaded source is larger than the server's limit of {(maxBytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture)} MiB: " +
            $"list big files that the images do not need in .dockerignore, or raise {DeploymentOptions.SectionName}:MaxContextBytes on the server.")
    {
        MaxBytes = maxBytes;
    }

    public long MaxBytes { get; }
}
