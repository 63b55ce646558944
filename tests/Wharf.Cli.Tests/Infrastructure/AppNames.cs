namespace Wharf.Cli.Tests.Infrastructure;

/// <summary>App names no other test uses, since all tests share one server.</summary>
public static class AppNames
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
