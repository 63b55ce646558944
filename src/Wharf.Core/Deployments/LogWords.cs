using System.Globalization;

namespace Wharf.Core.Deployments;

/// <summary>Words the deploy log uses again and again: "1 process", "3 old processes", "12.5" seconds.</summary>
internal static class LogWords
{
    /// <summary>"1 process" or "N processes", with <paramref name="which"/> ("old", "new") before the noun when given.</summary>
    public static string Processes(int count, string? which = null)
    {
        var noun = which is null ? "process" : $"{which} process";
        return count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}es";
    }

    /// <summary>Seconds with at most one decimal: "10", "2.5".</summary>
    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
