using static Wharf.Manifest.Tests.Manifests;

namespace Wharf.Manifest.Tests;

public class TimerErrorTests
{
    private static string Timer(params string[] lines) => WebService(["timers:", "  cleanup:", .. lines]);

    [Fact]
    public void Parse_InvalidCronExpression_ReportsTheFieldAtTheSchedule()
    {
        var error = SingleError(Timer("    schedule: '0 25 * * *'", "    command: cleanup", "    service: web"));

        Assert.Equal("wharf.yml:6:15: schedule '0 25 * * *' is not a valid cron expression: hour field: 25 is out of range 0-23", error);
    }

    [Fact]
    public void Parse_TimerWithoutSchedule_ReportsAtTimerName()
    {
        var error = SingleError(Timer("    command: cleanup", "    service: web"));

        Assert.Equal("wharf.yml:5:3: timer 'cleanup' has no 'schedule'; add a 5-field cron expression such as '0 3 * * *'", error);
    }

    [Fact]
    public void Parse_TimerWithoutCommandOrService_ReportsBoth()
    {
        var result = ManifestLoader.Parse(Timer("    schedule: '@hourly'"));

        Assert.Equal(
            ["wharf.yml:5:3: timer 'cleanup' has no 'command'; add the command to run",
             "wharf.yml:5:3: timer 'cleanup' has no 'service'; add the service whose image and environment run the command"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_UnknownConcurrency_ListsTheChoices()
    {
        var error = SingleError(Timer("    schedule: '@hourly'", "    command: cleanup", "    service: web", "    concurrency: queue"));

        Assert.Equal("wharf.yml:9:18: concurrency must be forbid, allow or replace, got 'queue'", error);
    }

    [Fact]
    public void Parse_MisspelledConcurrency_Suggests()
    {
        var error = SingleError(Timer("    schedule: '@hourly'", "    command: cleanup", "    service: web", "    concurrency: replce"));

        Assert.Equal("wharf.yml:9:18: concurrency must be forbid, allow or replace, got 'replce'; did you mean 'replace'?", error);
    }
}
