using Modular.Contracts.Errors;

namespace Modular.Engine.Security;

/// <summary>
/// Whether the host enforces AppArmor. Podman refuses a named profile (anything but
/// <c>unconfined</c>) on a host without it rather than run the container unconfined.
/// </summary>
public static class AppArmor
{
    private const string EnabledParameter = "/sys/module/apparmor/parameters/enabled";

    private static readonly string[] ParserPaths = ["/sbin/apparmor_parser", "/usr/sbin/apparmor_parser"];

    /// <summary>True when the kernel module is on and the profile loader is installed.</summary>
    public static bool IsEnabled()
    {
        try
        {
            return File.Exists(EnabledParameter)
                && File.ReadAllText(EnabledParameter).StartsWith('Y')
                && ParserPaths.Any(File.Exists);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The profile to keep for <paramref name="profile"/>, or Podman's error.</summary>
    public static string Check(string profile) =>
        profile.Length == 0 || profile == "unconfined" || IsEnabled()
            ? profile
            : throw new InvalidInputException(
                $"apparmor profile \"{profile}\" specified, but Apparmor is not enabled on this system");
}
