using System.Text;
using CliWrap;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Top;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    public async Task<ContainerProcessTable> TopAsync(
        string nameOrId,
        IReadOnlyList<string> descriptors,
        CancellationToken cancellationToken)
    {
        var record = await RefreshOrThrowAsync(nameOrId, cancellationToken);
        RefuseWithoutCgroup(record);
        if (record.State.Status != ContainerStatus.Running)
        {
            throw new WrongStateException("top can only be used on running containers");
        }

        // As Podman: descriptors may come as separate words or comma-separated.
        var names = descriptors
            .SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        return ProcessDescriptors.TryResolve(names) is { } columns
            ? Tabulate(record, columns)
            : await TopWithPsAsync(record, descriptors, cancellationToken);
    }

    private static ContainerProcessTable Tabulate(
        ContainerRecord record,
        IReadOnlyList<ProcessDescriptor> columns) =>
        ProcessTable.Build(
            [new ProcessTable.Source(record.State.Pid, record.State.MountPoint)],
            columns,
            DateTimeOffset.UtcNow);

    /// <summary>
    /// ps(1) arguments (<c>top CTR -eo pid,comm</c>, <c>top CTR aux</c>) run the host's ps
    /// in the container's PID namespace, else the container's own ps, as Podman does.
    /// Each output line is one cell.
    /// </summary>
    private async Task<ContainerProcessTable> TopWithPsAsync(
        ContainerRecord record,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken)
    {
        var words = arguments.Count == 1
            ? arguments[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : arguments.ToArray();
        var lines = await HostPsAsync(record, words, cancellationToken)
            ?? await ContainerPsAsync(record, words, cancellationToken);

        // Podman's trick: the ps process itself is the line that shows its own arguments.
        var own = string.Join(' ', arguments);
        var rows = lines
            .Where(line => !line.Contains(own, StringComparison.Ordinal))
            .Select(line => (IReadOnlyList<string>)[line])
            .ToList();
        return rows.Count == 0
            ? new ContainerProcessTable([], [])
            : new ContainerProcessTable(rows[0], rows.Skip(1).ToList());
    }

    /// <summary>The container's own ps, where the host's cannot be used.</summary>
    private async Task<List<string>> ContainerPsAsync(
        ContainerRecord record,
        IReadOnlyList<string> words,
        CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        var result = await RuntimeFor(record.Config).ExecAsync(
            record.Config.Id,
            ["ps", .. words],
            ExecOptions.Default,
            PipeTarget.ToStringBuilder(output),
            PipeTarget.ToStringBuilder(error),
            cancellationToken,
            cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new BackendException(
                "executing ps(1) in container: runtime failed with exit status: "
                + $"{result.ExitCode} and output: {error.ToString().Trim()}");
        }

        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
