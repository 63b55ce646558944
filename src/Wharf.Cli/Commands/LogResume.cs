using System.Globalization;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary>
/// Where a followed log goes on after its stream broke (the server restarted, crashed, or the network dropped): from
/// the time of the last line printed, inclusive, skipping the lines at that very instant that were printed already,
/// so the user sees every line once and none twice.
/// </summary>
internal sealed class LogResume
{
    private readonly Dictionary<string, int> _printedAtLast = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _toSkip = new(StringComparer.Ordinal);
    private DateTimeOffset? _last;

    /// <summary>
    /// Whether a line (its time and its raw text as the server sent it) is to be printed: false for one older than
    /// the last printed, or one at the same instant that was printed before the stream broke.
    /// </summary>
    public bool IsNew(DateTimeOffset time, string raw)
    {
        if (_last is { } last)
        {
            if (time < last)
            {
                return false;
            }

            if (time == last && _toSkip.TryGetValue(raw, out var skip) && skip > 0)
            {
                _toSkip[raw] = skip - 1;
                return false;
            }

            if (time > last)
            {
                _printedAtLast.Clear();
                _toSkip.Clear();
            }
        }

        _last = time;
        _printedAtLast[raw] = _printedAtLast.GetValueOrDefault(raw) + 1;
        return true;
    }

    /// <summary>The request that goes on where <paramref name="original"/> broke off.</summary>
    public LogRequest Next(LogRequest original)
    {
        _toSkip.Clear();
        foreach (var (raw, count) in _printedAtLast)
        {
            _toSkip[raw] = count;
        }

        // Nothing printed yet: ask again as at first (its tail lines were none, or are new).
        return _last is { } last
            ? original with { Since = last.ToString("O", CultureInfo.InvariantCulture), Tail = null }
            : original;
    }
}
