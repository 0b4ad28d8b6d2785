using System.Globalization;
using Modular.Contracts.Errors;

namespace Modular.Engine.Secrets;

/// <summary>
/// Parses <c>--secret NAME[,type=mount|env][,target=X][,uid=N][,gid=N][,mode=OCTAL]</c> as
/// Podman does: a bare first word is the source, mount is the default type, an env secret's
/// variable defaults to the secret's name and takes no uid, gid or mode. The returned
/// record has no ID yet (the container service resolves it).
/// </summary>
public static class ContainerSecretSpec
{
    private const string ParseError = "error parsing secret";

    public static ContainerSecret Parse(string value)
    {
        var parts = value.Split(',');
        if (parts.Length == 1)
        {
            return new ContainerSecret(value, "", "mount", "");
        }

        var source = parts[0].Contains('=', StringComparison.Ordinal) ? "" : parts[0];
        var secret = new ContainerSecret(source, "", "", "");
        var mountOnly = false;
        foreach (var part in parts.Skip(source.Length == 0 ? 0 : 1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw new InvalidInputException($"option {part} must be in form option=value: {ParseError}");
            }

            (secret, var onlyForMount) = Apply(secret, part[..eq], part[(eq + 1)..], part);
            mountOnly |= onlyForMount;
        }

        return Finish(secret, mountOnly, value);
    }

    private static (ContainerSecret, bool) Apply(ContainerSecret secret, string key, string value, string part) =>
        key switch
        {
            "source" => (secret with { Name = value }, false),
            "type" when secret.Type.Length > 0 =>
                throw new InvalidInputException($"cannot set more than one secret type: {ParseError}"),
            "type" when value is "mount" or "env" => (secret with { Type = value }, false),
            "type" => throw new InvalidInputException($"type {value} is invalid: {ParseError}"),
            "target" => (secret with { Target = value }, false),
            "mode" => (secret with { Mode = Number(value, 8, part) }, true),
            "uid" or "UID" => (secret with { Uid = Number(value, 10, part) }, true),
            "gid" or "GID" => (secret with { Gid = Number(value, 10, part) }, true),
            _ => throw new InvalidInputException($"option {part} invalid: {ParseError}"),
        };

    private static ContainerSecret Finish(ContainerSecret secret, bool mountOnly, string value)
    {
        if (secret.Name.Length == 0)
        {
            throw new InvalidInputException($"no source found {value}: {ParseError}");
        }

        if (secret.Type != "env")
        {
            return secret with { Type = "mount" };
        }

        if (mountOnly)
        {
            throw new InvalidInputException($"UID, GID, Mode options cannot be set with secret type env: {ParseError}");
        }

        return secret.Target.Length == 0 ? secret with { Target = secret.Name } : secret;
    }

    private static uint Number(string value, int radix, string part)
    {
        try
        {
            return radix == 8 ? Convert.ToUInt32(value, 8) : uint.Parse(value, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidInputException($"{part} is invalid: {ParseError}", e);
        }
    }

    /// <summary>Where a mount secret appears: /run/secrets/NAME, or its target (relative to /run/secrets).</summary>
    public static string MountPath(ContainerSecret secret) => secret.Target switch
    {
        "" => "/run/secrets/" + secret.Name,
        var t when t.StartsWith('/') => t,
        var t => "/run/secrets/" + t,
    };

    /// <summary>Back to the flag's text, for front ends that pass secrets on as arguments.</summary>
    public static string Format(ContainerSecret secret) => secret.Type == "env"
        ? $"{secret.Name},type=env,target={secret.Target}"
        : $"{secret.Name},type=mount,target={secret.Target},uid={secret.Uid},gid={secret.Gid},"
          + $"mode={Convert.ToString(secret.Mode, 8)}";
}
