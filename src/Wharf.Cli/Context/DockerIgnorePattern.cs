using System.Text;
using System.Text.RegularExpressions;

namespace Wharf.Cli.Context;

/// <summary>
/// One line of a .dockerignore, compiled the way Docker compiles it: relative to the context root,
/// <c>*</c> and <c>?</c> never cross a '/', <c>**</c> spans any number of directories (none included),
/// <c>[...]</c> is a character class, <c>\</c> escapes the next character, and a leading <c>!</c> re-includes.
/// </summary>
internal sealed class DockerIgnorePattern
{
    private readonly Regex _regex;

    private DockerIgnorePattern(string text, bool reincludes)
    {
        Text = text;
        Reincludes = reincludes;
        _regex = new Regex(ToRegex(text), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    /// <summary>The cleaned pattern, without its '!'.</summary>
    public string Text { get; }

    /// <summary>A <c>!pattern</c>: what it matches is sent even when an earlier line excluded it.</summary>
    public bool Reincludes { get; }

    /// <summary>The pattern a line means, or null for blank lines and comments.</summary>
    public static DockerIgnorePattern? Parse(string line)
    {
        // Docker treats '#' as a comment only in the first column, before trimming.
        if (line.StartsWith('#'))
        {
            return null;
        }

        var text = line.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var reincludes = text[0] == '!';
        if (reincludes)
        {
            text = text[1..].Trim();
        }

        if (text.Length > 0)
        {
            text = Clean(text);
            if (text.Length > 1 && text[0] == '/')
            {
                text = text[1..];
            }
        }

        return new DockerIgnorePattern(text, reincludes);
    }

    /// <summary>A re-inclusion rule added by Wharf itself, for the files the server cannot do without.</summary>
    /// <remarks>The path is literal: glob characters in it are escaped.</remarks>
    public static DockerIgnorePattern Keep(string path)
    {
        var literal = new StringBuilder();
        foreach (var c in Clean(path))
        {
            literal.Append(c is '*' or '?' or '[' or ']' or '\\' ? $"\\{c}" : c);
        }

        return new(literal.ToString(), reincludes: true);
    }

    public bool Matches(string path) => _regex.IsMatch(path);

    /// <summary>Lexical path cleaning as Go's path.Clean: no empty, '.' or resolvable '..' parts, no trailing '/'.</summary>
    public static string Clean(string path)
    {
        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || !rooted)
            {
                parts.Add(part);
            }
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                    }

                    // "**" at the end takes everything; inside, it stands for zero or more whole directories.
                    regex.Append(i + 1 == pattern.Length ? ".*" : "(.*/)?");
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' or ']':
                    regex.Append(c);
                    break;
                case '\\' when i + 1 < pattern.Length:
                    i++;
                    regex.Append(Regex.Escape(pattern[i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }
}
