using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Engine.Containers.Resources;

/// <summary>
/// One <c>--device-cgroup-rule</c> (<c>TYPE MAJOR:MINOR ACCESS</c>, as the devices cgroup
/// writes them): an allow rule added after the spec's default deny. A null number is
/// Podman's <c>*</c>, any device.
/// </summary>
public sealed record DeviceCgroupRule(string Type, long? Major, long? Minor, string Access)
{
    /// <summary>Parses a rule with Podman's checks and its error texts.</summary>
    public static DeviceCgroupRule Parse(string rule)
    {
        var words = rule.Split(' ');
        if (words.Length != 3)
        {
            throw new InvalidInputException(
                $"invalid device cgroup rule requires type, major:Minor, and access rules: \"{rule}\"");
        }

        if (words[0] is not ("a" or "b" or "c"))
        {
            throw new InvalidInputException($"invalid device type in device-access-add: {words[0]}");
        }

        var numbers = words[1].Split(':', 2);
        var major = Number(numbers[0]);
        var minor = numbers.Length == 2 ? Number(numbers[1]) : null;
        foreach (var letter in words[2].Where(letter => letter is not ('r' or 'w' or 'm')))
        {
            throw new InvalidInputException($"invalid device access in device-access-add: {letter}");
        }

        return new DeviceCgroupRule(words[0], major, minor, words[2]);
    }

    /// <summary>The rule as an entry of the spec's linux.resources.devices.</summary>
    public JsonObject ToSpec()
    {
        var entry = new JsonObject { ["allow"] = true, ["type"] = Type };
        if (Major is { } major)
        {
            entry["major"] = major;
        }

        if (Minor is { } minor)
        {
            entry["minor"] = minor;
        }

        entry["access"] = Access;
        return entry;
    }

    // Go's strconv.ParseUint wording, which Podman prints as is.
    private static long? Number(string text) =>
        text == "*" ? null
        : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? (long)value
            : throw new InvalidInputException($"strconv.ParseUint: parsing \"{text}\": invalid syntax");
}
