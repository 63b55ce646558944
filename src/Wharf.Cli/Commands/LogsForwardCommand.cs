using System.CommandLine;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf logs forward -a APP [tcp://HOST:PORT | --off]</c>: shows, sets or stops forwarding the app's log to a
/// syslog endpoint (RFC 5424 over TCP).
/// </summary>
internal sealed class LogsForwardCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<string?> _url = new("URL")
    {
        Description = "The syslog endpoint, tcp://HOST:PORT (none: show where the log goes)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<bool> _off = new("--off") { Description = "Stop forwarding the app's log" };
    private readonly Option<bool> _json = CommonOptions.Json();

    public LogsForwardCommand(CliContext context)
        : base("forward", "Show, set or stop forwarding an app's log to a syslog endpoint")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_off);
        Options.Add(_json);
        Arguments.Add(_url);
        _url.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } url && !Core.Logs.SyslogTarget.TryParse(url, out _, out var problem))
            {
                result.AddError(problem);
            }
        });
        Validators.Add(result =>
        {
            if (result.GetValue(_off) && result.GetValue(_url) is not null)
            {
                result.AddError("Give a URL to forward to, or --off to stop forwarding, not both.");
            }
        });
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var url = result.GetValue(_url);
            LogForwardInfo info = result.GetValue(_off)
                ? await client.RemoveLogForwardAsync(app, ct)
                : url is null ? await client.GetLogForwardAsync(app, ct) : await client.SetLogForwardAsync(app, url, ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(info);
            }

            context.WriteLine(info.Url is null
                ? $"The log of {app} is not forwarded."
                : $"The log of {app} is forwarded to {info.Url} (RFC 5424 over TCP).");
            return ExitCodes.Ok;
        }));
    }
}
