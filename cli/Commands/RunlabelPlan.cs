using System.Text;
using Modular.Cli.Parsing;

namespace Modular.Cli.Commands;

/// <summary>
/// The command a runlabel label asks for, with Podman's substitutions: IMAGE and NAME
/// (bare, <c>$X</c>, <c>${X}</c>, <c>=X</c> at a word's end), <c>podman</c> or
/// <c>docker</c> as the program meaning this very binary, then <c>$OPT1..3</c>,
/// <c>$PWD</c> and <c>$HOME</c> expanded (any other variable expands to nothing).
/// </summary>
public static class RunlabelPlan
{
    /// <summary>The words to run; <paramref name="self"/> is the path of this program.</summary>
    public static IReadOnlyList<string> Build(
        string label,
        IReadOnlyList<string> extraArgs,
        string imageName,
        string containerName,
        string self,
        IReadOnlyDictionary<string, string> options)
    {
        var line = extraArgs.Count > 0 ? $"{label} {string.Join(' ', extraArgs)}" : label;
        var words = ShellWords.Split(line);
        if (words.Count == 0)
        {
            return words;
        }

        var command = new List<string> { Program(words[0], self) };
        command.AddRange(words.Skip(1).Select(w => Substitute(w, imageName, containerName)));
        return ShellWords.Split(Expand(string.Join(' ', command), options));
    }

    /// <summary>The container name Podman derives: the last path part of the image, untagged.</summary>
    public static string DefaultName(string imageName, string imageId, string input)
    {
        var source = imageId.StartsWith(input, StringComparison.Ordinal) ? imageName : input;
        var last = source.Split('/')[^1];
        var colon = last.IndexOf(':');
        return colon < 0 ? last : last[..colon];
    }

    private static string Program(string word, string self) =>
        word == "podman" || Path.GetFileName(word) == "docker"
            ? self
            : word.Contains('/') || word.StartsWith('.') ? AbsoluteIfPresent(word) : word;

    // A relative path that names an existing file becomes absolute, as Podman does.
    private static string AbsoluteIfPresent(string word)
    {
        var full = Path.GetFullPath(word);
        return File.Exists(full) || Directory.Exists(full) ? full : word;
    }

    private static string Substitute(string word, string image, string name) => word switch
    {
        "IMAGE=IMAGE" => $"IMAGE={image}",
        "NAME=NAME" => $"NAME={name}",
        _ => Replace(Replace(word, "NAME", name), "IMAGE", image),
    };

    private static string Replace(string word, string key, string value)
    {
        if (word == key)
        {
            return value;
        }

        var result = word.Replace("$" + key, value, StringComparison.Ordinal)
            .Replace("${" + key + "}", value, StringComparison.Ordinal);
        return result.EndsWith("=" + key, StringComparison.Ordinal)
            ? result.Replace("=" + key, "=" + value, StringComparison.Ordinal)
            : result;
    }

    /// <summary>Go's os.Expand with Podman's mapping: known names only, others empty.</summary>
    private static string Expand(string text, IReadOnlyDictionary<string, string> options)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                sb.Append(text[i]);
                continue;
            }

            var (name, length) = VariableAt(text, i + 1);
            if (length == 0)
            {
                sb.Append('$');
                continue;
            }

            sb.Append(Lookup(name, options));
            i += length;
        }

        return sb.ToString();
    }

    private static (string Name, int Length) VariableAt(string text, int start)
    {
        if (text[start] == '{')
        {
            var end = text.IndexOf('}', start);
            return end < 0 ? ("", 1) : (text[(start + 1)..end], end - start + 1);
        }

        if ("*#$@!?-".Contains(text[start]) || char.IsDigit(text[start]))
        {
            return (text[start].ToString(), 1);
        }

        var length = 0;
        while (start + length < text.Length
            && (char.IsAsciiLetterOrDigit(text[start + length]) || text[start + length] == '_'))
        {
            length++;
        }

        return (text.Substring(start, length), length);
    }

    private static string Lookup(string name, IReadOnlyDictionary<string, string> options) => name switch
    {
        "OPT1" or "OPT2" or "OPT3" => options.GetValueOrDefault(name, ""),
        "PWD" => Directory.GetCurrentDirectory(),
        "HOME" => Environment.GetEnvironmentVariable("HOME") ?? "",
        _ => "",
    };
}
