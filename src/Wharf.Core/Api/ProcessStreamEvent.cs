namespace Wharf.Core.Api;

/// <summary>
/// One line of the NDJSON stream answered by run and exec (application/x-ndjson):
/// <c>{"type":"output","stream":"stdout","text":"hi"}</c> per output line, then exactly one
/// <c>{"type":"exit","code":7}</c>, or <c>{"type":"error","text":"..."}</c> when the command could not finish.
/// </summary>
/// <param name="Type">"output", "exit" or "error".</param>
/// <param name="Stream">"stdout" or "stderr", for output.</param>
/// <param name="Text">The line without its ending (output), or the sentence saying what went wrong (error).</param>
/// <param name="Code">The exit code, for exit.</param>
public sealed record ProcessStreamEvent(string Type, string? Stream = null, string? Text = null, int? Code = null)
{
    public const string OutputType = "output";
    public const string ExitType = "exit";
    public const string ErrorType = "error";

    public static ProcessStreamEvent Output(string stream, string text) => new(OutputType, stream, text);

    public static ProcessStreamEvent Exit(int code) => new(ExitType, Code: code);

    public static ProcessStreamEvent Error(string text) => new(ErrorType, Text: text);
}
