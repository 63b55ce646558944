namespace Wharf.Manifest;

/// <summary>One problem in a manifest, located the way editors and compilers print it.</summary>
/// <param name="Line">1-based line of the offending key or value.</param>
/// <param name="Column">1-based column of the offending key or value.</param>
/// <param name="Message">A sentence for the user: what is wrong and, where it helps, what to do.</param>
public sealed record ManifestError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
