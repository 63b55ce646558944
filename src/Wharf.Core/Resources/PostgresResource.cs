using System.Globalization;
using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>
/// PostgreSQL, from the official image or the local one built from Debian's packages (same contract). The
/// resource's name is its user and database; tools run inside the container connect over the local socket,
/// which both images trust, so no password crosses a command line.
/// </summary>
internal sealed class PostgresResource : ResourceKind
{
    public override ResourceType Type => ResourceType.Postgres;

    public override string Name => "postgres";

    public override string DefaultVersion => "15";

    public override int MinimumMajorVersion => 10;

    public override int Port => 5432;

    public override string DataPath => "/var/lib/postgresql/data";

    public override string ExportExtension => ".dump";

    public override ResourceCredentials NewCredentials(string resource)
    {
        // Resource names are DNS labels; an identifier with '-' would need quoting in every client.
        var identifier = resource.Replace('-', '_');
        return new ResourceCredentials(identifier, ResourceCredentials.NewPassword(), identifier);
    }

    public override ResourceSpec Spec(string app, string resource, ResourceSettings settings, ResourceCredentials credentials) => new()
    {
        App = app,
        Name = resource,
        Type = Type,
        Image = Image(this, settings),
        Environment = new Dictionary<string, string>
        {
            ["POSTGRES_USER"] = credentials.User,
            ["POSTGRES_PASSWORD"] = credentials.Password,
            ["POSTGRES_DB"] = credentials.Database,
        },
        DataPath = DataPath,
        Port = Port,
    };

    // Over TCP on purpose: the official image's first-start server listens on the socket only, and is not the real one.
    public override ResourceCommandLine ReadyCheck(ResourceCredentials credentials) =>
        new(["pg_isready", "-q", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", credentials.User, "-d", credentials.Database]);

    public override ResourceCommandLine Console(ResourceCredentials credentials) =>
        new(["psql", "-X", "-v", "ON_ERROR_STOP=1", "-U", credentials.User, "-d", credentials.Database]);

    public override ResourceCommandLine Export(ResourceCredentials credentials) =>
        new(["pg_dump", "--format=custom", "-U", credentials.User, "-d", credentials.Database]);

    public override ResourceCommandLine Import(ResourceCredentials credentials) =>
        new([
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
            "-U", credentials.User, "-d", credentials.Database,
        ]);

    // The password travels on stdin, never as an argument another process could list.
    public override ResourceCommandLine? SetPassword(ResourceCredentials credentials) =>
        new(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-U", credentials.User, "-d", "postgres"])
        {
            Input = $"ALTER ROLE \"{credentials.User}\" WITH PASSWORD '{credentials.Password.Replace("'", "''", StringComparison.Ordinal)}';\n",
        };

    public override string Url(ResourceLink link, bool mask)
    {
        ArgumentNullException.ThrowIfNull(link);
        var port = link.Port.ToString(CultureInfo.InvariantCulture);
        return $"postgres://{Uri.EscapeDataString(link.User)}:{Password(link, mask)}@{link.Host}:{port}/{Uri.EscapeDataString(link.Database)}";
    }

    public override string ConnectionString(ResourceLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return $"Host={link.Host};Port={link.Port.ToString(CultureInfo.InvariantCulture)};Username={link.User};Password={link.Password};Database={link.Database}";
    }

    public override ResourceLink? Parse(string resource, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql") || uri.Host.Length == 0)
        {
            return null;
        }

        var (user, password) = UserInfo(uri);
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new ResourceLink(resource, Type, uri.Host, uri.Port > 0 ? uri.Port : Port, user, password, database);
    }
}
