using System.CommandLine;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf audit [-a APP]</c>: who changed what, newest first (admin).</summary>
internal sealed class AuditCommand : Command
{
    // No directory-name default here: without -a the log covers every app.
    private readonly Option<string> _app = new("--app", "-a") { Description = "Only events about this app", HelpName = "APP" };
    private readonly Option<int?> _limit = CommonOptions.Limit("events");
    private readonly Option<bool> _json = CommonOptions.Json();

    public AuditCommand(CliContext context)
        : base("audit", "Show the audit log: who changed what, newest first (admin)")
    {
        Options.Add(_app);
        Options.Add(_limit);
        Options.Add(_json);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var events = await client.ListAuditAsync(result.GetValue(_app), result.GetValue(_limit), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(events);
            }

            if (events.Count == 0)
            {
                context.WriteLine("No audit events.");
                return ExitCodes.Ok;
            }

            var table = Tables.Create("TIME", "ACTOR", "ACTION", "TARGET", "DETAIL");
            foreach (var e in events)
            {
                table.Row(Formats.Time(e.At), e.Actor, e.Action, e.Target, e.Detail ?? "");
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        }));
    }
}
