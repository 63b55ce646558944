using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Logs;

namespace Wharf.Storage.Logs;

/// <summary>Opens the embedded log store: append-only files per app under <see cref="LogStoreOptions.Directory"/>.</summary>
public static class LogStoreFactory
{
    /// <summary>
    /// Opens (creating when missing) the store. Apps' logs are opened, and recovered after a crash, on first use.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options are invalid; the message lists every problem.</exception>
    /// <exception cref="IOException">Another store (another server) has the directory open.</exception>
    public static ILogStore Open(LogStoreOptions options, TimeProvider? clock = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        return new FileLogStore(options, clock ?? TimeProvider.System, logger ?? NullLogger.Instance);
    }
}
