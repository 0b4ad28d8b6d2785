using System.CommandLine;
using System.Text.Json.Nodes;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>volume mount</c> and <c>volume unmount</c>. A local volume without mount options
/// is a directory of the store, always there: mount prints its path (as Podman does) and
/// unmount has nothing to undo. Volumes with mount options (type, device, o) are mounted
/// only while a container uses them; mounting them on their own is refused.
/// </summary>
public static class VolumeMountCommands
{
    private static readonly string[] MountOptionKeys = ["type", "device", "o"];

    public static Command Mount(CliContext context)
    {
        var names = Names("VOLUME", 1);
        return new Command("mount", "Mount volume").With(names)
            .WithAction(context, "volume mount", async (r, cancellationToken) =>
            {
                foreach (var name in r.GetValue(names)!)
                {
                    var volume = await VolumeCommands.Volumes(context).InspectAsync(name, cancellationToken);
                    RefuseMountOptions(name, volume);
                    context.Out.WriteLine(volume["Mountpoint"]?.GetValue<string>());
                }

                return ExitCodes.Success;
            });
    }

    public static Command Unmount(CliContext context)
    {
        var names = Names("VOLUME", 1);
        return new Command("unmount", "Unmount volume").With(names).Aliased("umount")
            .WithAction(context, "volume unmount", async (r, cancellationToken) =>
            {
                foreach (var name in r.GetValue(names)!)
                {
                    var volume = await VolumeCommands.Volumes(context).InspectAsync(name, cancellationToken);
                    RefuseMountOptions(name, volume);
                    context.Out.WriteLine(volume["Name"]?.GetValue<string>());
                }

                return ExitCodes.Success;
            });
    }

    private static void RefuseMountOptions(string name, JsonObject volume)
    {
        if (volume["Options"] is JsonObject options && MountOptionKeys.Any(options.ContainsKey))
        {
            throw new CapabilityMissingException(
                $"volume {name} has mount options: it is mounted only while a container uses it");
        }
    }
}
