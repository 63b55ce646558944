using System.Diagnostics;

namespace Wharf.Tests.Shared;

/// <summary>
/// Prometheus' own checker (`promtool check metrics`, Debian package prometheus; scripts/test installs it). A test
/// using it fails, never skips, when it is missing.
/// </summary>
internal static class Promtool
{
    /// <summary>promtool's complaints about <paramref name="text"/>; empty when it passes.</summary>
    public static async Task<string> CheckAsync(string text)
    {
        var start = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("promtool is not installed: run scripts/test (or apt-get install -y prometheus).", e);
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(text);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var said = (await output + await errors).Trim();
            return process.ExitCode == 0 ? "" : $"promtool exited {process.ExitCode}: {said}";
        }
    }
}
