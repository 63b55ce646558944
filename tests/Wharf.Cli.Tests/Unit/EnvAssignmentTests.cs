using Wharf.Cli.Commands;

namespace Wharf.Cli.Tests.Unit;

public sealed class EnvAssignmentTests
{
    [Fact]
    public void Parse_ValueWithEqualsSigns_SplitsAtTheFirstOnly()
    {
        var values = EnvAssignment.Parse(["URL=postgres://u:p@h/db?sslmode=require", "EMPTY="]);

        Assert.Equal("postgres://u:p@h/db?sslmode=require", values["URL"]);
        Assert.Equal("", values["EMPTY"]);
    }

    [Fact]
    public void Parse_SameKeyTwice_LastOneWins()
    {
        var values = EnvAssignment.Parse(["A=1", "A=2"]);

        Assert.Equal("2", Assert.Single(values).Value);
    }
}
