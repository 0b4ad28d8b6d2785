using System.Text.Json;
using Modular.Contracts.Errors;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// The values of <c>commit -c/--change</c> (also <c>import -c</c>), read as Podman's
/// ImageConfigFromChanges reads them: instruction and value split at the first space (or
/// the first <c>=</c> when there is no space), only CMD, ENTRYPOINT, ENV, EXPOSE, LABEL,
/// ONBUILD, STOPSIGNAL, USER, VOLUME and WORKDIR. The instructions returned hold final
/// values: nothing is left to expand, so do not pass them through <see cref="StageScope"/>.
/// Podman's own rules differ from a Containerfile's in places, kept here: a non-JSON CMD or
/// ENTRYPOINT becomes exec form <c>/bin/sh -c value</c> (an empty one an empty list), ENV
/// and LABEL take one <c>key=value</c> with surrounding double quotes stripped, STOPSIGNAL
/// is stored as the signal's number, and WORKDIR joins onto the previous one.
/// </summary>
public static class CommitChanges
{
    public static IReadOnlyList<Instruction> Parse(IEnumerable<string> changes)
    {
        var parsed = new List<Instruction>();
        var workdir = "";
        foreach (var change in changes)
        {
            var (keyword, value) = Split(change);
            Instruction instruction = keyword switch
            {
                "USER" => new UserInstruction(
                    change, 0, NonEmpty(change, value, "must provide a value to USER")),
                "EXPOSE" => Expose(change, value),
                "ENV" => Env(change, value),
                "ENTRYPOINT" => new EntrypointInstruction(change, 0, Command(value)),
                "CMD" => new CmdInstruction(change, 0, Command(value)),
                "VOLUME" => Volume(change, value),
                "WORKDIR" => new WorkdirInstruction(change, 0,
                    workdir = Join(workdir, NonEmpty(change, value, "must provide a non-empty WORKDIR"))),
                "LABEL" => Label(change, value),
                "STOPSIGNAL" => StopSignal(change, value),
                "ONBUILD" => Onbuild(change, value),
                _ => throw Invalid(change, $"invalid instruction {keyword}"),
            };
            parsed.Add(instruction);
        }

        return parsed;
    }

    private static (string Keyword, string Value) Split(string change)
    {
        var parts = change.Split(' ', 2);
        if (parts.Length != 2)
        {
            parts = change.Split('=', 2);
            if (parts.Length != 2)
            {
                throw Invalid(change, "must be formatted as KEY VALUE");
            }
        }

        return (parts[0].Trim().ToUpperInvariant(), parts[1].Trim());
    }

    private static ExposeInstruction Expose(string change, string value)
    {
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            throw Invalid(change, "EXPOSE port must be formatted as PORT[/PROTO]");
        }

        if (!int.TryParse(parts[0], System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var port))
        {
            throw Invalid(change,
                $"EXPOSE port must be an integer: strconv.Atoi: parsing \"{parts[0]}\": invalid syntax");
        }

        if (port is <= 0 or > 65535)
        {
            throw Invalid(change, "EXPOSE port must be a valid port number");
        }

        var proto = parts.Length == 2 ? parts[1].ToLowerInvariant() : "tcp";
        if (proto is not ("tcp" or "udp"))
        {
            throw Invalid(change, "EXPOSE protocol must be TCP or UDP");
        }

        return new ExposeInstruction(change, 0, [$"{port}/{proto}"]);
    }

    private static EnvInstruction Env(string change, string value)
    {
        var parts = value.Split('=', 2);
        if (parts[0].Length == 0)
        {
            throw Invalid(change, "ENV must have at least one argument");
        }

        var pair = new KeyValueWord(StripQuotes(parts[0]), StripQuotes(parts.Length == 2 ? parts[1] : ""));
        return new EnvInstruction(change, 0, [pair]);
    }

    private static LabelInstruction Label(string change, string value)
    {
        var parts = value.Split('=', 2);
        if (parts.Length != 2)
        {
            throw Invalid(change, "LABEL must be formatted key=value");
        }

        var key = StripQuotes(parts[0]);
        if (key.Length == 0)
        {
            throw Invalid(change, "LABEL must have a non-empty key");
        }

        return new LabelInstruction(change, 0, [new KeyValueWord(key, StripQuotes(parts[1]))]);
    }

    private static VolumeInstruction Volume(string change, string value)
    {
        var paths = JsonList(value) ?? [.. value.Split(' ')];
        if (paths.Count == 0)
        {
            throw Invalid(change, "must provide at least one argument to VOLUME");
        }

        if (paths.Any(p => p.Length == 0))
        {
            throw Invalid(change, "VOLUME paths must not be empty");
        }

        return new VolumeInstruction(change, 0, paths);
    }

    private static StopSignalInstruction StopSignal(string change, string value)
    {
        var number = SignalNumbers.Parse(value)
            ?? throw Invalid(change, $"KILLSIGNAL must be given a valid signal: invalid signal: {value}");
        var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new StopSignalInstruction(change, 0, text);
    }

    private static OnbuildInstruction Onbuild(string change, string value)
    {
        NonEmpty(change, value, "ONBUILD must be given an argument");
        return new OnbuildInstruction(change, 0, value, ContainerfileParser.ParseInstruction(value));
    }

    private static CommandForm Command(string value) => JsonList(value) is { } words
        ? CommandForm.Exec(words)
        : CommandForm.Exec(value.Length == 0 ? [] : ["/bin/sh", "-c", value]);

    private static List<string>? JsonList(string value)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(value);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Join(string previous, string next) =>
        next.StartsWith('/') || previous.Length == 0
            ? GoPath.Clean(next)
            : GoPath.Clean(previous + "/" + next);

    private static string StripQuotes(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;

    private static string NonEmpty(string change, string value, string message) =>
        value.Length > 0 ? value : throw Invalid(change, message);

    private static InvalidInputException Invalid(string change, string message) =>
        new($"invalid change \"{change}\" - {message}");
}
