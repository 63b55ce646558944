using System.Text.RegularExpressions;

namespace Wharf.Core.Deployments;

/// <summary>The digest of an uploaded source tar, written "sha256:" and 64 lowercase hex digits (as Docker writes digests).</summary>
public static partial class ContextDigest
{
    public const string HeaderName = "X-Wharf-Context-Digest";

    public static string Format(ReadOnlySpan<byte> sha256) => "sha256:" + Convert.ToHexStringLower(sha256);

    /// <summary>The digest in its canonical (lowercase) spelling, or null when <paramref name="text"/> is not one.</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim();
        return trimmed is not null && Pattern().IsMatch(trimmed) ? trimmed.ToLowerInvariant() : null;
    }

    [GeneratedRegex("^sha256:[0-9a-fA-F]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
