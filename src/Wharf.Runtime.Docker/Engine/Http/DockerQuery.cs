using System.Globalization;
using System.Text;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>Builds an Engine API query string; keys may repeat (several t= tags on a build).</summary>
internal sealed class DockerQuery
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public DockerQuery Add(string key, string? value)
    {
        if (value is not null)
        {
            _pairs.Add(new(key, value));
        }

        return this;
    }

    // The engine parses booleans with strconv.ParseBool and also accepts "1"; "true" reads better in logs.
    public DockerQuery Add(string key, bool value) => Add(key, value ? "true" : "false");

    public DockerQuery Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    public DockerQuery AddFilters(DockerFilters? filters) =>
        filters is null || filters.IsEmpty ? this : Add("filters", DockerJson.Serialize(filters));

    public override string ToString()
    {
        if (_pairs.Count == 0)
        {
            return "";
        }

        var builder = new StringBuilder("?");
        foreach (var (key, value) in _pairs)
        {
            if (builder.Length > 1)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }
}
