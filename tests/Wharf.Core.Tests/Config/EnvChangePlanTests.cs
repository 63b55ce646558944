using Wharf.Core.Api;
using Wharf.Core.Config;
using Wharf.Core.Errors;

namespace Wharf.Core.Tests.Config;

public sealed class EnvChangePlanTests
{
    [Theory]
    [InlineData(new[] { "FOO", "BAR" }, new string[0], "Set FOO, BAR")]
    [InlineData(new[] { "FOO", "BAR" }, new[] { "BAZ" }, "Set FOO, BAR; unset BAZ")]
    [InlineData(new string[0], new[] { "BAZ", "QUX" }, "Unset BAZ, QUX")]
    public void Description_Change_ListsKeyNamesInOrder(string[] set, string[] unset, string expected)
    {
        var plan = EnvChangePlan.From(new EnvChangeRequest(set.ToDictionary(k => k, _ => "value"), unset));

        Assert.Equal(expected, plan.Description);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(new string[0], new string[0])]
    public void From_NothingToChange_ThrowsValidation(string[]? set, string[]? unset)
    {
        var error = Assert.Throws<WharfValidationException>(
            () => EnvChangePlan.From(new EnvChangeRequest(set?.ToDictionary(k => k, k => k), unset)));

        Assert.Equal("Nothing to change: give at least one key to set or to unset.", error.Message);
    }

    [Theory]
    [InlineData("FOO")]
    [InlineData("_private")]
    [InlineData("a1_B2")]
    public void From_ValidKey_Accepted(string key)
    {
        var plan = EnvChangePlan.From(new EnvChangeRequest(new Dictionary<string, string> { [key] = "v" }, null));

        Assert.Equal(key, Assert.Single(plan.Set).Key);
    }

    [Fact]
    public void From_SeveralBadKeys_ReportsEveryOneByField()
    {
        var request = new EnvChangeRequest(
            new Dictionary<string, string> { ["1FOO"] = "v", ["A-B"] = "v", ["OK"] = "v" },
            ["has space", "OK"]);

        var error = Assert.Throws<WharfValidationException>(() => EnvChangePlan.From(request));

        Assert.Equal(
            [
                "'1FOO' is not a valid env key: use letters, digits and '_', not starting with a digit (e.g. DATABASE_URL).",
                "'A-B' is not a valid env key: use letters, digits and '_', not starting with a digit (e.g. DATABASE_URL).",
            ],
            error.Errors["set"]);
        Assert.Equal(2, error.Errors["unset"].Length);
        Assert.Contains("OK is both set and unset in one change", error.Errors["unset"][1], StringComparison.Ordinal);
        Assert.StartsWith("The request has 4 problems:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NullValue_ThrowsValidationNamingTheKey()
    {
        var request = new EnvChangeRequest(new Dictionary<string, string> { ["FOO"] = null! }, null);

        var error = Assert.Throws<WharfValidationException>(() => EnvChangePlan.From(request));

        Assert.Equal("FOO has no value: give one (it may be empty), or unset the key instead.", Assert.Single(error.Errors["set"]));
    }

    [Fact]
    public void ApplyTo_SetAndUnset_ReturnsNewValuesWithoutChangingTheInput()
    {
        var current = new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" };
        var plan = EnvChangePlan.From(new EnvChangeRequest(new Dictionary<string, string> { ["A"] = "x", ["C"] = "3" }, ["B"]));

        var next = plan.ApplyTo("hello", current);

        Assert.Equal(new Dictionary<string, string> { ["A"] = "x", ["C"] = "3" }, next);
        Assert.Equal("2", current["B"]);
    }
}
