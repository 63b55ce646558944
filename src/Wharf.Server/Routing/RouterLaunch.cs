using Wharf.Router;

namespace Wharf.Server.Routing;

/// <summary>
/// The command that starts the router: the server's own entry point again (so the router is always the same
/// build as the server that started it), with <c>router --data DIR --http URL ...</c>.
/// </summary>
/// <param name="FileName">The executable to run.</param>
/// <param name="Arguments">Its arguments, starting with the assembly under the `dotnet` host.</param>
public sealed record RouterLaunch(string FileName, IReadOnlyList<string> Arguments)
{
    /// <exception cref="InvalidOperationException">The `dotnet` host ran no assembly file that could be started again.</exception>
    public static RouterLaunch For(RouterEntryPoint entry, RouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(options);
        var args = new List<string>();
        if (entry.IsDotnetHost)
        {
            if (string.IsNullOrEmpty(entry.AssemblyPath))
            {
                throw new InvalidOperationException(
                    $"The server runs under {entry.ProcessPath} without an assembly file, so it cannot start the router the same way: start `wharf router` yourself and pass --no-router.");
            }

            args.Add(entry.AssemblyPath);
        }

        args.Add(RouterArguments.Command);
        args.AddRange(RouterArguments.Format(options));
        return new RouterLaunch(entry.ProcessPath, args);
    }

    /// <summary>The command as a shell would show it, for logs and error messages.</summary>
    public override string ToString() => string.Join(' ', Arguments.Prepend(FileName).Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '=' or '+' or ',')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
