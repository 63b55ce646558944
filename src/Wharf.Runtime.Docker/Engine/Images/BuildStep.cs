namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>Reads the classic builder's "Step 3/7 : RUN make" header.</summary>
internal static class BuildStep
{
    private const string Separator = " : ";

    /// <summary>"step 3/7 (RUN make)", or null when there was no step header yet.</summary>
    public static string? Describe(string? stepLine)
    {
        if (stepLine is null)
        {
            return null;
        }

        var separator = stepLine.IndexOf(Separator, StringComparison.Ordinal);
        if (separator < 0)
        {
            return stepLine;
        }

        var number = stepLine["Step ".Length..separator];
        var instruction = stepLine[(separator + Separator.Length)..];
        return $"step {number} ({instruction})";
    }
}
