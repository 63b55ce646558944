using System.Text;
using Spectre.Console;

namespace Wharf.Cli.Output;

/// <summary>
/// Asks one question on the terminal and reads the answer key by key (Enter ends it, Backspace takes back a
/// character). Spectre's TextPrompt does the same through a type converter looked up by reflection, which the
/// CLI's ahead-of-time build cannot keep.
/// </summary>
internal static class Prompts
{
    public static string Ask(this IAnsiConsole console, string question, bool secret = false)
    {
        console.Markup($"[green]{Markup.Escape(question)}[/] ");
        return ReadAnswer(() => console.Input.ReadKey(intercept: true), text => console.Write(text), secret);
    }

    /// <summary>Reads keys until Enter (or the end of input); a secret answer is echoed as one * per character.</summary>
    public static string ReadAnswer(Func<ConsoleKeyInfo?> readKey, Action<string> echo, bool secret)
    {
        var answer = new StringBuilder();
        while (readKey() is { } key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                if (answer.Length > 0)
                {
                    answer.Length--;
                    echo("\b \b");
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                answer.Append(key.KeyChar);
                echo(secret ? "*" : key.KeyChar.ToString());
            }
        }

        echo(Environment.NewLine);
        return answer.ToString();
    }
}
