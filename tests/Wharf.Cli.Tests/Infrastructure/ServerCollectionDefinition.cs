namespace Wharf.Cli.Tests.Infrastructure;

/// <summary>Every test class that needs a running server shares one, started once for the run.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollectionDefinition : ICollectionFixture<ServerFixture>
{
    public const string Name = "wharf server";
}
