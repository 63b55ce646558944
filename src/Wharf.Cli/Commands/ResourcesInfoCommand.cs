using System.CommandLine;
using Wharf.Cli.Output;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf resources info -a APP NAME</c>: one resource, with its volume and what its data uses.</summary>
internal sealed class ResourcesInfoCommand : Command
{
    private readonly Option<string> _app;
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Argument<string> _name = ResourceArguments.Name();

    public ResourcesInfoCommand(CliContext context)
        : base("info", "Show one resource: status, version, URL (password masked), volume and data size")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_json);
        Arguments.Add(_name);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var info = await client.GetResourceAsync(result.GetRequiredValue(_app), result.GetRequiredValue(_name), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(info);
            }

            List<(string Label, string? Value)> rows =
            [
                ("Name", info.Name),
                ("Type", info.Type),
                ("Version", info.Version),
                ("Status", info.Status),
                ("Services", Formats.List(info.Services)),
                ("URL", info.Url),
                ("Image", info.Image),
            ];
            if (info.Durable is { } durable)
            {
                rows.Add(("Durable", durable ? "yes (append-only file)" : "no (a cache: starts empty)"));
            }

            rows.AddRange([("Volume", info.Volume), ("Data", Data(info)), ("Created", Formats.Time(info.CreatedAt)), ("Started", Formats.Time(info.StartedAt))]);
            context.Out.Write(Tables.Properties([.. rows]));
            return ExitCodes.Ok;
        }));
    }

    private static string? Data(ResourceInfo info) => (info.DataBytes, info.StorageBytes) switch
    {
        ({ } used, { } size) => $"{Formats.Bytes(used)} of {Formats.Bytes(size)} asked for",
        ({ } used, null) => Formats.Bytes(used),
        (null, { } size) => $"{Formats.Bytes(size)} asked for",
        _ => null,
    };
}
