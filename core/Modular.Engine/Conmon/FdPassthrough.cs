using Modular.Contracts.Errors;

namespace Modular.Engine.Conmon;

/// <summary>
/// Descriptors of the calling process handed through conmon into the container:
/// <c>--preserve-fds=N</c> keeps 3 to N+2, <c>--preserve-fd=LIST</c> only the numbers listed.
/// As in Podman, conmon gets them at their own numbers, its pipes come after them, and the
/// runtime is told <c>--preserve-fds SPAN</c>; the unlisted numbers below the span are
/// closed in conmon so the container never sees them.
/// </summary>
public sealed record FdPassthrough(uint Count, IReadOnlyList<uint> Only)
{
    public static readonly FdPassthrough None = new(0, []);

    /// <summary>How many descriptors above 2 the runtime keeps (its --preserve-fds).</summary>
    public uint Span => Only.Count == 0 ? Count : Math.Max(Count, Only.Max() - 2);

    /// <summary>Numbers within the span that conmon must not inherit.</summary>
    public IEnumerable<int> Closed => Only.Count == 0
        ? []
        : Enumerable.Range(3, (int)Span).Where(fd => !Only.Contains((uint)fd));

    /// <summary>Podman refuses stdio numbers: those belong to the log driver.</summary>
    /// <exception cref="InvalidInputException">A listed descriptor is 0, 1 or 2.</exception>
    public FdPassthrough Checked()
    {
        foreach (var fd in Only.Where(fd => fd < 3))
        {
            throw new InvalidInputException(
                $"cannot preserve FD {fd}, consider using the passthrough log-driver to pass STDIO streams into the container: invalid argument");
        }

        return this;
    }
}
