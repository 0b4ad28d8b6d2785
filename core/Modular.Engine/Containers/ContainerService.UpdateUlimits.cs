using Modular.Engine.Security;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// The container's rlimits with those of <c>update</c> in place of the same-named ones
    /// (others kept, new ones added): checked as <c>--ulimit</c> is at create.
    /// </summary>
    private static SecuritySettings WithUlimits(SecuritySettings security, IReadOnlyList<string> ulimits)
    {
        if (ulimits.Count == 0)
        {
            return security;
        }

        Spec.ResourceLimits.Build(ulimits);
        var names = ulimits.Select(UlimitName).ToHashSet(StringComparer.Ordinal);
        return security with
        {
            Ulimits = [.. security.Ulimits.Where(u => !names.Contains(UlimitName(u))), .. ulimits],
        };
    }

    private static string UlimitName(string ulimit) => ulimit.Split('=', 2)[0];
}
