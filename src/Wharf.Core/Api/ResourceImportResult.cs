namespace Wharf.Core.Api;

/// <summary>The answer to an import: how much was read and what the restore tool said.</summary>
public sealed record ResourceImportResult(string Name, long Bytes, IReadOnlyList<string> Output);
