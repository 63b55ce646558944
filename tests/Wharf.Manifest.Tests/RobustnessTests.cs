namespace Wharf.Manifest.Tests;

/// <summary>Whatever a user types, they get errors with positions, never an exception.</summary>
public class RobustnessTests
{
    private static readonly string _full = File.ReadAllText(Manifests.ExamplePath("full.wharf.yml"));

    [Fact]
    public void Parse_EveryTruncationOfAFullManifest_ReportsInsteadOfThrowing()
    {
        for (var length = 0; length <= _full.Length; length++)
        {
            AssertWellFormed(ManifestLoader.Parse(_full[..length]));
        }
    }

    [Fact]
    public void Parse_RandomlyDamagedManifests_ReportInsteadOfThrowing()
    {
        var random = new Random(20240607);
        const string Noise = " :-[]{}&*!|>'\"#%@`,?\t\n0123456789abcXYZ${}$$";
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            var text = _full.ToCharArray();
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                text[random.Next(text.Length)] = Noise[random.Next(Noise.Length)];
            }

            AssertWellFormed(ManifestLoader.Parse(new string(text), variables: new Dictionary<string, string>()));
        }
    }

    private static void AssertWellFormed(ManifestResult result)
    {
        Assert.Equal(result.Errors.Count == 0, result.Manifest is not null);
        Assert.All(result.Errors, e =>
        {
            Assert.True(e.Line >= 1 && e.Column >= 1, e.ToString());
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        });
    }
}
