namespace Wharf.Cli.Tests.Infrastructure;

/// <summary>Files of this checkout the tests use as a user would, such as the example apps.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Wharf.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Wharf.slnx above {AppContext.BaseDirectory}: the tests must run from the checkout.");
    }
}
