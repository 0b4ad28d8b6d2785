using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Podman's annotation naming the --cidfile, removed with the container.</summary>
    public const string CidFileAnnotation = "io.podman.annotations.cid-file";

    /// <summary>
    /// What a removed container leaves to others: its --cidfile goes with it, and with
    /// --rmi its image goes too unless another container still uses it (a warning, as in
    /// Podman, since the container itself was removed as asked).
    /// </summary>
    // --conmon-pidfile: systemd units read conmon's pid from the file the user named.
    private static void WriteUserConmonPidFile(ContainerConfig config, int conmonPid)
    {
        if (config.ConmonPidFile is { } path && conmonPid > 0)
        {
            File.WriteAllText(path, conmonPid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task RemoveLeftoversAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        if (config.Annotations.TryGetValue(CidFileAnnotation, out var cidFile) && cidFile.Length > 0)
        {
            DeleteFile(cidFile);
        }

        if (!config.AutoRemove || !config.AutoRemoveImage || _images is null)
        {
            return;
        }

        var image = config.ImageName.Length > 0 ? config.ImageName : config.ImageId;
        try
        {
            await _images.RemoveAsync(image, false, cancellationToken);
        }
        catch (NotFoundException)
        {
            // Removed already, by another --rmi container or by the user.
        }
        catch (ModularException e)
        {
            ContainerServiceLog.ImageNotRemoved(_logger, image, e.Message);
        }
    }
}
