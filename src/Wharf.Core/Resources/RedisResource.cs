using System.Globalization;
using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>
/// Redis, from the official image or the local one built from Debian's packages (same contract). Durable (the
/// default) keeps an append-only file in the volume; not durable is a cache that starts empty. Tools run inside
/// the container read the password from REDISCLI_AUTH.
/// </summary>
internal sealed class RedisResource : ResourceKind
{
    private const string Auth = "REDISCLI_AUTH";

    // The export goes to a temporary file first: redis-cli --rdb cannot write to stdout on every version.
    private const string ExportScript = """
        set -u
        file=/tmp/wharf-export.rdb
        redis-cli --rdb "$file" >&2 && cat "$file"
        status=$?
        rm -f "$file"
        exit $status
        """;

    // A bad file must never reach DEBUG RELOAD: it empties the data set before loading.
    private const string ImportScript = """
        set -eu
        dir="$(redis-cli config get dir | tail -n 1)"
        name="$(redis-cli config get dbfilename | tail -n 1)"
        file="$dir/wharf-import.rdb"
        cat >"$file"
        if ! redis-check-rdb "$file" >/tmp/wharf-import-check.log 2>&1; then
          rm -f "$file"
          tail -n 3 /tmp/wharf-import-check.log >&2
          echo "The file is not a Redis RDB dump that this server can read; the data was not changed." >&2
          exit 65
        fi
        chmod 644 "$file"
        mv "$file" "$dir/$name"
        answer="$(redis-cli debug reload nosave)"
        if [ "$answer" != OK ]; then
          echo "Loading the dump failed: $answer" >&2
          exit 1
        fi
        if [ "$(redis-cli config get appendonly | tail -n 1)" = yes ]; then
          redis-cli bgrewriteaof >/dev/null
          tries=0
          while [ "$(redis-cli info persistence | tr -d '\r' | grep '^aof_rewrite_in_progress:' | cut -d: -f2)" != 0 ] && [ $tries -lt 600 ]; do
            sleep 0.1
            tries=$((tries + 1))
          done
        fi
        echo "Loaded $(redis-cli dbsize) keys."
        """;

    public override ResourceType Type => ResourceType.Redis;

    public override string Name => "redis";

    public override string DefaultVersion => "7";

    // DEBUG RELOAD NOSAVE and --enable-debug-command, which import relies on, came with 7.
    public override int MinimumMajorVersion => 7;

    public override int Port => 6379;

    public override string DataPath => "/data";

    public override string ExportExtension => ".rdb";

    public override IReadOnlyList<string> Options => ["version", "storage", "durable"];

    public override ResourceCredentials NewCredentials(string resource) => new("default", ResourceCredentials.NewPassword(), "0");

    public override ResourceSpec Spec(string app, string resource, ResourceSettings settings, ResourceCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentials);
        List<string> command = ["redis-server", "--requirepass", credentials.Password, "--appendonly", settings.Durable ? "yes" : "no"];
        if (!settings.Durable)
        {
            command.AddRange(["--save", ""]);
        }

        // Import reloads the data set with DEBUG RELOAD, which Redis 7 allows only when enabled (here: from inside the container).
        command.AddRange(["--enable-debug-command", "local"]);
        return new ResourceSpec
        {
            App = app,
            Name = resource,
            Type = Type,
            Image = Image(this, settings),
            Command = command,
            DataPath = DataPath,
            Port = Port,
        };
    }

    public override ResourceCommandLine ReadyCheck(ResourceCredentials credentials) => Cli(credentials, "redis-cli", "ping");

    public override bool IsReady(int exitCode, string stdout) =>
        exitCode == 0 && stdout.Trim().Equals("PONG", StringComparison.Ordinal);

    public override ResourceCommandLine Console(ResourceCredentials credentials) => Cli(credentials, "redis-cli");

    public override ResourceCommandLine Export(ResourceCredentials credentials) => Cli(credentials, "sh", "-c", ExportScript);

    public override ResourceCommandLine Import(ResourceCredentials credentials) => Cli(credentials, "sh", "-c", ImportScript);

    public override string Url(ResourceLink link, bool mask)
    {
        ArgumentNullException.ThrowIfNull(link);
        var port = link.Port.ToString(CultureInfo.InvariantCulture);
        return $"redis://{Uri.EscapeDataString(link.User)}:{Password(link, mask)}@{link.Host}:{port}/{link.Database}";
    }

    public override string ConnectionString(ResourceLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return $"{link.Host}:{link.Port.ToString(CultureInfo.InvariantCulture)},password={link.Password},defaultDatabase={link.Database}";
    }

    public override ResourceLink? Parse(string resource, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss") || uri.Host.Length == 0)
        {
            return null;
        }

        var (user, password) = UserInfo(uri);
        var database = uri.AbsolutePath.Trim('/');
        return new ResourceLink(resource, Type, uri.Host, uri.Port > 0 ? uri.Port : Port, user.Length == 0 ? "default" : user, password,
            database.Length == 0 ? "0" : database);
    }

    private static ResourceCommandLine Cli(ResourceCredentials credentials, params string[] arguments) =>
        new(arguments) { Environment = new Dictionary<string, string> { [Auth] = credentials.Password } };
}
