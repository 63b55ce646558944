using Wharf.Cli;
using Wharf.Cli.Config;
using Wharf.Cli.Output;

ClientRuntime.Configure(args);
var environment = CliEnvironment.FromProcess();
var interactive = !Console.IsInputRedirected;
var context = new CliContext(
    new CliOutput(Console.Out, Console.IsOutputRedirected, interactive),
    new CliOutput(Console.Error, Console.IsErrorRedirected, interactive),
    environment,
    ConfigStore.ForEnvironment(environment));
try
{
    return await new CliApplication(context).RunAsync(args);
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // The last line of defence for "never a stack trace": commands report their own failures.
    await Console.Error.WriteLineAsync($"Unexpected error ({e.GetType().Name}): {e.Message}");
    return ExitCodes.Error;
}
