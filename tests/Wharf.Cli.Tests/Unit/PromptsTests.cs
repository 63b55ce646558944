using Wharf.Cli.Output;

namespace Wharf.Cli.Tests.Unit;

public sealed class PromptsTests
{
    [Fact]
    public void ReadAnswer_Secret_EchoesStarsAndReturnsWhatWasTyped()
    {
        var (answer, echoed) = Read("s3cr", secret: true);

        Assert.Equal("s3cr", answer);
        Assert.Equal("****" + Environment.NewLine, echoed);
    }

    [Fact]
    public void ReadAnswer_Backspace_TakesBackTheLastCharacter()
    {
        var (answer, echoed) = Read("ab\bc", secret: false);

        Assert.Equal("ac", answer);
        Assert.Equal("ab\b \bc" + Environment.NewLine, echoed);
    }

    [Fact]
    public void ReadAnswer_BackspaceOnNothing_EchoesNothing()
    {
        var (answer, echoed) = Read("\bx", secret: false);

        Assert.Equal("x", answer);
        Assert.Equal("x" + Environment.NewLine, echoed);
    }

    [Fact]
    public void ReadAnswer_EndOfInputBeforeEnter_ReturnsWhatCame()
    {
        var keys = new Queue<ConsoleKeyInfo?>([Key('h'), Key('i'), null]);

        var answer = Prompts.ReadAnswer(keys.Dequeue, _ => { }, secret: false);

        Assert.Equal("hi", answer);
    }

    /// <summary>Types <paramref name="typed"/> (\b is Backspace) and Enter; returns the answer and all that was echoed.</summary>
    private static (string Answer, string Echoed) Read(string typed, bool secret)
    {
        var keys = new Queue<ConsoleKeyInfo?>(typed.Select(c => (ConsoleKeyInfo?)Key(c)));
        keys.Enqueue(new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false));
        var echoed = new System.Text.StringBuilder();
        var answer = Prompts.ReadAnswer(keys.Dequeue, text => echoed.Append(text), secret);
        return (answer, echoed.ToString());
    }

    private static ConsoleKeyInfo Key(char c) => c == '\b'
        ? new ConsoleKeyInfo('\b', ConsoleKey.Backspace, false, false, false)
        : new ConsoleKeyInfo(c, ConsoleKey.A, false, false, false);
}
