using static Wharf.Manifest.Tests.Manifests;

namespace Wharf.Manifest.Tests;

public class MultipleErrorsTests
{
    [Fact]
    public void Parse_ManyProblems_ReportsEveryOneInFileOrder()
    {
        var yaml = Lines(
            "enviroment: [A]",                      // 1
            "services:",                            // 2
            "  web:",                               // 3
            "    image: nginx",                     // 4
            "    port: eighty",                     // 5
            "    port: 80",                         // 6
            "    resources: [db, cache]",           // 7
            "  worker:",                            // 8
            "    command: work",                    // 9
            "resources:",                           // 10
            "  db: {type: mysql}",                  // 11
            "timers:",                              // 12
            "  nightly:",                           // 13
            "    schedule: '0 0 32 * *'",           // 14
            "    command: report",                  // 15
            "    service: web");                    // 16

        var result = ManifestLoader.Parse(yaml);

        Assert.Null(result.Manifest);
        Assert.Equal(
            [
                "wharf.yml:1:1: unknown key 'enviroment' at the top level; did you mean 'environment'?",
                "wharf.yml:5:11: port must be a whole number between 1 and 65535, got 'eighty'",
                "wharf.yml:6:5: duplicate key 'port'; it is already set on line 5",
                "wharf.yml:7:21: service 'web' uses resource 'cache', which is not declared under 'resources'",
                "wharf.yml:8:3: service 'worker' needs 'build' (to build it from source) or 'image' (to run a prebuilt image)",
                "wharf.yml:11:14: type must be postgres or redis, got 'mysql'",
                "wharf.yml:14:15: schedule '0 0 32 * *' is not a valid cron expression: day-of-month field: 32 is out of range 1-31",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_SameAnchoredValueUsedTwice_ReportsItsErrorOnce()
    {
        var yaml = Lines(
            "services:",
            "  web: {image: a, port: &p nope}",
            "  api: {image: b, port: *p}");

        Assert.Equal("wharf.yml:2:25: port must be a whole number between 1 and 65535, got 'nope'", SingleError(yaml));
    }
}
