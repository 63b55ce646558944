namespace Wharf.Cli.Output;

/// <summary>How a file is named in messages: relative to the current directory when inside it.</summary>
internal static class DisplayPath
{
    /// <summary>"wharf.yml", "examples/hello/wharf.yml"; the full path when the file is elsewhere.</summary>
    public static string Relative(string currentDirectory, string file)
    {
        var relative = Path.GetRelativePath(currentDirectory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
    }
}
