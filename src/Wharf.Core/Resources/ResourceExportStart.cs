namespace Wharf.Core.Resources;

/// <summary>What an export tells its receiver before the first byte: a file name for the dump.</summary>
public sealed record ResourceExportStart(string FileName, string Type);
