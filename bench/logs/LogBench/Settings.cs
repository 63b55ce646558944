using System.Globalization;

namespace LogBench;

/// <summary>The bench's command line.</summary>
public sealed record Settings
{
    public string Directory { get; init; } = Path.Combine(Path.GetTempPath(), "wharf-logbench");

    public double Gigabytes { get; init; } = 1;

    public int IngestSeconds { get; init; } = 10;

    public int Collectors { get; init; } = 8;

    public int Apps { get; init; } = 4;

    public int Batch { get; init; } = 500;

    public int LatencyLines { get; init; } = 2000;

    public static Settings? Parse(string[] args)
    {
        var settings = new Settings();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--dir" => settings with { Directory = value },
                "--gb" => settings with { Gigabytes = double.Parse(value, CultureInfo.InvariantCulture) },
                "--ingest-seconds" => settings with { IngestSeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--collectors" => settings with { Collectors = int.Parse(value, CultureInfo.InvariantCulture) },
                "--apps" => settings with { Apps = int.Parse(value, CultureInfo.InvariantCulture) },
                "--batch" => settings with { Batch = int.Parse(value, CultureInfo.InvariantCulture) },
                "--latency-lines" => settings with { LatencyLines = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => null,
            };
            if (settings is null)
            {
                return null;
            }
        }

        return args.Length % 2 == 0 ? settings : null;
    }
}
