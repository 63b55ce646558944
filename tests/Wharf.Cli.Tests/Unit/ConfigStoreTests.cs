using Wharf.Cli.Config;
using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests.Unit;

public sealed class ConfigStoreTests
{
    [Fact]
    public void Save_NewFile_IsReadableByItsOwnerOnlyAndLoadsBack()
    {
        using var home = new TempDirectory();
        var store = new ConfigStore(home.Combine("wharf", "config.json"));

        store.Save(new CliConfig("http://127.0.0.1:7070", "secret"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.Path));
        Assert.Equal(new CliConfig("http://127.0.0.1:7070", "secret"), store.Load());
    }

    [Fact]
    public void Save_ExistingWorldReadableFile_TightensItsMode()
    {
        using var home = new TempDirectory();
        var store = new ConfigStore(home.Combine("config.json"));
        File.WriteAllText(store.Path, "{}");
        File.SetUnixFileMode(store.Path, (UnixFileMode)0b110_100_100);

        store.Save(new CliConfig("http://h:1", "t"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.Path));
    }

    [Fact]
    public void ForEnvironment_XdgConfigHomeSet_UsesIt()
    {
        var environment = new CliEnvironment(
            new Dictionary<string, string> { ["HOME"] = "/home/u", ["XDG_CONFIG_HOME"] = "/xdg" }, "/work/app");

        Assert.Equal("/xdg/wharf/config.json", ConfigStore.ForEnvironment(environment).Path);
    }

    [Fact]
    public void ForEnvironment_OnlyHome_UsesDotConfig()
    {
        var environment = new CliEnvironment(new Dictionary<string, string> { ["HOME"] = "/home/u" }, "/work/app");

        Assert.Equal("/home/u/.config/wharf/config.json", ConfigStore.ForEnvironment(environment).Path);
    }

    [Fact]
    public void Load_FieldsInAnyCaseAmongOthers_ReadsUrlAndToken()
    {
        using var home = new TempDirectory();
        var store = new ConfigStore(home.Combine("config.json"));
        File.WriteAllText(store.Path, """{ "URL": "http://h:1", "extra": [1, {"a": 2}], "token": "t" }""");

        Assert.Equal(new CliConfig("http://h:1", "t"), store.Load());
    }

    [Fact]
    public void Load_NullFieldsOrNullDocument_ReadsThemAsMissing()
    {
        using var home = new TempDirectory();
        var store = new ConfigStore(home.Combine("config.json"));
        File.WriteAllText(store.Path, """{ "url": null }""");
        var fields = store.Load();
        File.WriteAllText(store.Path, "null");

        Assert.Equal(CliConfig.Empty, fields);
        Assert.Equal(CliConfig.Empty, store.Load());
    }

    [Theory]
    [InlineData("{ \"url\": ", "is not valid JSON")]
    [InlineData("[]", "it holds an array, not an object")]
    [InlineData("{ \"token\": 42 }", "\"token\" is a number, not a string")]
    public void Load_NotAConfig_SaysSoAndHowToRewriteIt(string text, string reason)
    {
        using var home = new TempDirectory();
        var store = new ConfigStore(home.Combine("config.json"));
        File.WriteAllText(store.Path, text);

        var error = Assert.Throws<CliException>(store.Load);

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"The config file {store.Path} is not valid JSON (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; run `wharf login` to rewrite it.", error.Message, StringComparison.Ordinal);
    }
}
