using System.CommandLine;
using Wharf.Cli.Output;
using Wharf.Manifest;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf check [DIR|FILE]</c>: validates a wharf.yml offline, with ${VAR} interpolation from this
/// process's environment. Errors go to stderr, one <c>wharf.yml:LINE:COL: message</c> each, the way
/// compilers print them, so editors and terminals can jump to the spot.
/// </summary>
internal sealed class CheckCommand : Command
{
    private readonly CliContext _context;
    private readonly Argument<string> _path = new("PATH")
    {
        Description = "The app directory or the manifest file (default: the current directory)",
        DefaultValueFactory = _ => ".",
    };

    public CheckCommand(CliContext context)
        : base("check", "Validate a wharf.yml without a server: every problem, with its line and column")
    {
        _context = context;
        Arguments.Add(_path);
        SetAction((result, _) => context.RunAsync(() => Task.FromResult(Check(result.GetRequiredValue(_path)))));
    }

    private int Check(string argument)
    {
        var path = Path.GetFullPath(argument, _context.Environment.CurrentDirectory);
        var loaded = ManifestLoader.Load(path, _context.Environment.Variables);
        if (loaded.IsValid)
        {
            _context.WriteLine($"{Display(ManifestFile(path))}: OK ({loaded.Manifest!.Describe()})");
            return ExitCodes.Ok;
        }

        var errors = _context.ErrorWriter;
        foreach (var error in loaded.Errors)
        {
            errors.WriteLine((error with { File = Display(error.File) }).ToString());
        }

        errors.Flush();
        return ExitCodes.Error;
    }

    private static string ManifestFile(string path)
    {
        if (!Directory.Exists(path))
        {
            return path;
        }

        var file = Path.Combine(path, ManifestLoader.FileName);
        var alternate = Path.Combine(path, ManifestLoader.AlternateFileName);
        return !File.Exists(file) && File.Exists(alternate) ? alternate : file;
    }

    private string Display(string file) => DisplayPath.Relative(_context.Environment.CurrentDirectory, file);
}
