using System.Security.Cryptography;

namespace Wharf.Core.Crypto;

/// <summary>
/// A <see cref="SealedBox"/> could not be opened: a bit was changed, it was wrapped by another key, or it was
/// sealed for a different record (associated data). Callers treat all three the same way: the value is not trusted.
/// </summary>
public sealed class SealedBoxTamperedException : CryptographicException
{
    public SealedBoxTamperedException()
        : base("The sealed value could not be opened: it was changed, or it belongs to another record or key.")
    {
    }

    public SealedBoxTamperedException(string message)
        : base(message)
    {
    }

    public SealedBoxTamperedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
