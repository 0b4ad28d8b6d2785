using System.Globalization;
using Modular.Contracts.Errors;

namespace Modular.Engine.Containers;

/// <summary>
/// <c>--restart</c>: what conmon's exit command does after a container exits. Podman's
/// names and texts: <c>no</c> (also empty and <c>never</c>), <c>on-failure[:N]</c> (N = 0
/// retries forever), <c>always</c>, <c>unless-stopped</c> (the same as always while the
/// host is up; they differ only in what <c>start --all --filter restart-policy=</c> picks).
/// </summary>
public sealed record RestartPolicy(string Name, int MaximumRetryCount)
{
    public const string No = "no";
    public const string OnFailure = "on-failure";
    public const string Always = "always";
    public const string UnlessStopped = "unless-stopped";

    public static readonly RestartPolicy None = new("", 0);

    /// <exception cref="InvalidInputException">Podman's texts for each malformed value.</exception>
    public static RestartPolicy Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return None;
        }

        var parts = value.Split(':');
        if (parts.Length > 2)
        {
            throw new InvalidInputException("invalid restart policy: may specify retries at most once");
        }

        var name = parts[0].Equals("never", StringComparison.OrdinalIgnoreCase) ? No : parts[0];
        var retries = parts.Length == 2 ? ParseRetries(name, parts[1]) : 0;
        return name is "" or No or OnFailure or Always or UnlessStopped
            ? new RestartPolicy(name, retries)
            : throw new InvalidInputException(
                $"running container create option: \"{name}\" is not a valid restart policy: invalid argument");
    }

    private static int ParseRetries(string name, string text)
    {
        if (!name.Equals(OnFailure, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputException(
                "restart policy retries can only be specified with on-failure restart policy");
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var retries))
        {
            throw new InvalidInputException(
                $"parsing restart policy retry count: strconv.Atoi: parsing \"{text}\": invalid syntax");
        }

        return retries >= 0
            ? retries
            : throw new InvalidInputException("must specify restart policy retry count as a number greater than 0");
    }

    /// <summary>Whether <c>--rm</c> may go with this policy (Podman allows no and on-failure).</summary>
    public bool AllowsAutoRemove => Name is "" or No or OnFailure;

    /// <summary>
    /// The decision after an exit: never after a user's stop; on-failure only for a
    /// non-zero code and while retries remain; always and unless-stopped every time.
    /// </summary>
    public bool ShouldRestart(int exitCode, int restartCount, bool stoppedByUser) =>
        !stoppedByUser && Name switch
        {
            OnFailure => exitCode != 0 && (MaximumRetryCount == 0 || restartCount < MaximumRetryCount),
            Always or UnlessStopped => true,
            _ => false,
        };
}
