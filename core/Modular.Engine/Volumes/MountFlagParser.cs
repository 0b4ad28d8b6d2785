using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Volumes;

/// <summary>
/// One <c>--mount type=bind|volume|tmpfs,KEY[=VALUE],...</c> value, with Podman's keys and
/// texts. Image, devpts, ramfs, glob and artifact mounts are refused by name.
/// </summary>
public static class MountFlagParser
{
    private const string NeedsArgument = "must provide an argument for option";

    public static ContainerMount Parse(string value)
    {
        var tokens = value.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var type = MountType(tokens);
        var state = new MountFlagState(type);
        foreach (var token in tokens.Where(t => !t.StartsWith("type=", StringComparison.Ordinal)))
        {
            state.Apply(token);
        }

        var destination = state.Destination ?? throw new InvalidInputException("must set volume destination");
        return type switch
        {
            ContainerMount.BindType => new ContainerMount
            {
                Type = type,
                Source = Path.GetFullPath(state.Source ?? destination),
                Destination = destination,
                Options = MountOptions.Validate(state.Options),
            },
            ContainerMount.VolumeType => new ContainerMount
            {
                Type = type,
                Source = state.Source is null ? "" : VolumeName.Validate(state.Source),
                Destination = destination,
                Options = [.. MountOptions.Validate(state.Options), .. state.VolumeOptions],
                Anonymous = state.Source is null,
            },
            _ => new ContainerMount
            {
                Type = type,
                Source = "tmpfs",
                Destination = destination,
                Options = state.Options,
            },
        };
    }

    private static string MountType(string[] tokens)
    {
        var types = tokens.Where(t => t.StartsWith("type=", StringComparison.Ordinal)).ToList();
        if (types.Count != 1)
        {
            throw new InvalidInputException("type must be specified once");
        }

        var type = types[0]["type=".Length..];
        return type switch
        {
            ContainerMount.BindType or ContainerMount.VolumeType or ContainerMount.TmpfsType => type,

            // Limitation: these mount types exist in Podman but not in modpod yet.
            "image" or "devpts" or "ramfs" or "glob" or "artifact" => throw new CapabilityMissingException(
                $"mount type \"{type}\" is not supported by modpod yet: use bind, volume or tmpfs"),
            _ => throw new InvalidInputException($"invalid filesystem type \"{type}\""),
        };
    }

    /// <summary>What the keys of one --mount value said so far.</summary>
    private sealed class MountFlagState(string type)
    {
        public string? Source { get; private set; }
        public string? Destination { get; private set; }
        public List<string> Options { get; } = [];
        public List<string> VolumeOptions { get; } = [];

        public void Apply(string token)
        {
            var parts = token.Split('=', 2);
            var (name, value) = (parts[0], parts.Length > 1 ? parts[1] : null);
            switch (name)
            {
                case "src" or "source":
                    Only(type != ContainerMount.TmpfsType, name);
                    Source = Required(name, value);
                    break;
                case "target" or "dst" or "destination":
                    Destination = MountParser.Destination(Required(name, value));
                    break;
                case "ro" or "readonly" or "rw":
                    ReadWrite(name, value);
                    break;
                case "bind-propagation":
                    Only(type == ContainerMount.BindType, name);
                    Options.Add(Required(name, value));
                    break;
                case "bind-nonrecursive":
                    Only(type == ContainerMount.BindType, name);
                    Options.Add("bind");
                    break;
                case "relabel":
                    Options.Add(value switch
                    {
                        "private" => "Z",
                        "shared" => "z",
                        _ => throw new InvalidInputException(
                            "relabel mount option must be 'private' or 'shared': invalid mount option"),
                    });
                    break;
                case "U" or "chown":
                    Chown(value);
                    break;
                case "consistency":
                    break;
                default:
                    ApplyTypeSpecific(name, value, token);
                    break;
            }
        }

        private void ApplyTypeSpecific(string name, string? value, string token)
        {
            switch (name)
            {
                case "tmpfs-size":
                    Only(type == ContainerMount.TmpfsType, name);
                    Options.Add("size=" + Required(name, value));
                    break;
                case "tmpfs-mode":
                    Only(type == ContainerMount.TmpfsType, name);
                    Options.Add("mode=" + Required(name, value));
                    break;
                case "tmpcopyup" or "notmpcopyup":
                    Only(type == ContainerMount.TmpfsType, name);
                    Options.Add(name);
                    break;
                case "volume-opt":
                    Only(type == ContainerMount.VolumeType, name);
                    VolumeOptions.Add("volume-opt=" + Required(name, value));
                    break;
                case "volume-nocopy":
                    Only(type == ContainerMount.VolumeType, name);
                    Options.Add("nocopy");
                    break;
                case "nodev" or "dev" or "noexec" or "exec" or "nosuid" or "suid"
                    or "shared" or "rshared" or "private" or "rprivate" or "slave" or "rslave"
                    or "unbindable" or "runbindable" or "z" or "Z" or "idmap":
                    Options.Add(token);
                    break;
                default:
                    throw new InvalidInputException($"{name}: invalid mount option");
            }
        }

        private void ReadWrite(string name, string? value)
        {
            if (Options.Any(o => o is "ro" or "rw"))
            {
                throw new InvalidInputException(
                    $"cannot pass 'readonly', 'ro', or 'rw' mnt.Options more than once: {NeedsArgument}");
            }

            var readOnly = (name == "rw") == (value?.ToLowerInvariant() == "false");
            if (value is not null && value.ToLowerInvariant() is not ("true" or "false"))
            {
                throw new InvalidInputException($"invalid value \"{name}={value}\"");
            }

            Options.Add(readOnly ? "ro" : "rw");
        }

        private void Chown(string? value)
        {
            switch (value?.ToLowerInvariant())
            {
                case null or "" or "true":
                    Options.Add("U");
                    break;
                case "false":
                    break;
                default:
                    throw new InvalidInputException(
                        $"'U' or 'chown' must be set to true or false, instead received \"{value}\": {NeedsArgument}");
            }
        }

        private void Only(bool allowed, string name)
        {
            if (!allowed)
            {
                throw new InvalidInputException($"\"{name}\" option not supported for \"{type}\" mount types");
            }
        }

        private static string Required(string name, string? value) =>
            string.IsNullOrEmpty(value) ? throw new InvalidInputException($"{name}: {NeedsArgument}") : value;
    }
}
