using System.CommandLine;

namespace Wharf.Cli.Commands;

/// <summary>The arguments the resources subcommands share. New instances each time.</summary>
internal static class ResourceArguments
{
    public static Argument<string> Name() => new("NAME") { Description = "The resource, as wharf.yml names it under resources:" };
}
