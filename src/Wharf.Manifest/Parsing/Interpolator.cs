using System.Text;

namespace Wharf.Manifest.Parsing;

/// <summary>Replaces <c>${NAME}</c> in a scalar with a variable's value; <c>$${NAME}</c> stays as the literal <c>${NAME}</c>.</summary>
internal static class Interpolator
{
    /// <returns>The expanded text, or null when <paramref name="errors"/> received at least one sentence.</returns>
    public static string? Expand(string text, IReadOnlyDictionary<string, string>? variables, List<string> errors)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var failed = false;
        var i = 0;
        while (i < text.Length)
        {
            if (At(text, i, "$${"))
            {
                result.Append("${");
                i += 3;
            }
            else if (At(text, i, "${"))
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0)
                {
                    errors.Add("'${' is not closed; end the variable name with '}', or write '$${' to keep '${' as text");
                    return null;
                }

                var name = text[(i + 2)..close];
                if (!EnvironmentName.IsValid(name))
                {
                    errors.Add($"'${{{name}}}' is not a valid variable reference; names use letters, digits and '_' and do not start with a digit");
                    failed = true;
                }
                else if (variables is null || !variables.TryGetValue(name, out var value))
                {
                    errors.Add($"variable '{name}' is not set; set it, or write $${{{name}}} to keep '${{{name}}}' as text");
                    failed = true;
                }
                else
                {
                    result.Append(value);
                }

                i = close + 1;
            }
            else
            {
                result.Append(text[i]);
                i++;
            }
        }

        return failed ? null : result.ToString();
    }

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
