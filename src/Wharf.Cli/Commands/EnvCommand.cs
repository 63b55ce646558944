using System.CommandLine;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf env -a APP [--reveal]</c>: the app's config, values masked unless revealed.</summary>
internal sealed class EnvCommand : Command
{
    private readonly Option<string> _app;
    private readonly Option<bool> _reveal = new("--reveal") { Description = "Show the values (needs the deploy role)" };
    private readonly Option<bool> _json = CommonOptions.Json();

    public EnvCommand(CliContext context)
        : base("env", "Show an app's config (environment variables); set and unset them")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_reveal);
        Options.Add(_json);
        Subcommands.Add(new EnvSetCommand(context));
        Subcommands.Add(new EnvUnsetCommand(context));
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var env = await client.GetEnvAsync(result.GetRequiredValue(_app), result.GetValue(_reveal), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(env);
            }

            if (env.Values.Count == 0)
            {
                context.WriteLine($"{env.App} has no config yet. Set some with `wharf env set -a {env.App} KEY=VALUE`.");
                return ExitCodes.Ok;
            }

            var table = Tables.Create("KEY", "VALUE");
            foreach (var (key, value) in env.Values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                table.Row(key, value);
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        }));
    }
}
