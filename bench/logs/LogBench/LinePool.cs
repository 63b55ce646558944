using System.Globalization;
using System.Text;

namespace LogBench;

/// <summary>
/// Made-up but realistic application log lines of exactly 200 bytes: a timestamp, level, request id, method, path,
/// status, duration, user, user agent, padded. About 1% carry "status=503" (a common filter); a few, placed by the
/// caller, carry a unique trace id (a rare filter).
/// </summary>
public sealed class LinePool
{
    public const int LineBytes = 200;
    public const string CommonNeedle = "status=503";
    public const string RareNeedle = "trace=ZQXJ-4711";

    private static readonly string[] _paths =
    [
        "/api/v1/orders", "/api/v1/orders/{0}", "/api/v1/users/{0}", "/api/v1/cart", "/api/v1/search?q=item{0}",
        "/health", "/metrics", "/api/v1/payments/{0}", "/static/app.{0}.js", "/api/v1/inventory/{0}/reserve",
    ];

    private static readonly string[] _agents = ["curl/8.5.0", "Mozilla/5.0 (X11; Linux x86_64)", "okhttp/4.12.0", "python-requests/2.31", "Go-http-client/1.1"];

    private readonly string[] _lines;

    public LinePool(int count, int seed)
    {
        var random = new Random(seed);
        _lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            _lines[i] = Make(random, i, rare: false);
        }
    }

    public int Count => _lines.Length;

    public string this[long index] => _lines[index % _lines.Length];

    public static string Rare(int seed) => Make(new Random(seed), seed, rare: true);

    private static string Make(Random random, int i, bool rare)
    {
        var level = random.Next(100) switch { < 90 => "INFO ", < 97 => "WARN ", _ => "ERROR" };
        var status = random.Next(100) switch { 0 => 503, < 5 => 404, < 8 => 201, _ => 200 };
        var path = string.Format(CultureInfo.InvariantCulture, _paths[random.Next(_paths.Length)], random.Next(100_000));
        var method = random.Next(4) == 0 ? "POST" : "GET";
        var line = new StringBuilder(LineBytes);
        line.Append(CultureInfo.InvariantCulture, $"2025-06-01T12:{i / 60000 % 60:D2}:{i / 1000 % 60:D2}.{i % 1000:D3}Z {level} web.{random.Next(1, 5)} ");
        line.Append(CultureInfo.InvariantCulture, $"[req={random.Next():x8}] {method} {path} status={status} dur={random.Next(1, 900)}ms ");
        line.Append(CultureInfo.InvariantCulture, $"user=u-{random.Next(20_000)} ua=\"{_agents[random.Next(_agents.Length)]}\" ");
        if (rare)
        {
            line.Append(RareNeedle).Append(' ');
        }

        line.Append(CultureInfo.InvariantCulture, $"bytes={random.Next(100, 90_000)} ");
        while (line.Length < LineBytes)
        {
            line.Append('-');
        }

        return line.ToString(0, LineBytes);
    }
}
