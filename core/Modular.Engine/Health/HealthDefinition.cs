using System.Text.Json;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Engine.Health;

/// <summary>
/// The healthcheck a new container gets: the image's HEALTHCHECK unless the flags say
/// otherwise, with Podman's checks and texts (<c>makeHealthCheckFromCli</c>). A flag such as
/// <c>--health-interval</c> alone adjusts the image's check; <c>--health-cmd none</c> and
/// <c>--no-healthcheck</c> remove it.
/// </summary>
public static class HealthDefinition
{
    private static readonly string[] Actions = ["none", "kill", "restart", "stop"];

    /// <exception cref="InvalidInputException">A flag value Podman refuses.</exception>
    public static HealthConfig? Resolve(HealthFlags flags, HealthConfig? image)
    {
        if (flags.Disabled && flags.Command is not null)
        {
            throw new InvalidInputException("cannot specify both --no-healthcheck and --health-cmd");
        }

        var test = flags.Command is null ? image?.Test : ParseCommand(flags.Command);
        if (flags.Disabled || test is null || test.Count == 0 || test[0].Equals("NONE", StringComparison.OrdinalIgnoreCase))
        {
            ValidateFlagsOnly(flags);
            return null;
        }

        var basis = flags.Command is null ? image! : new HealthConfig();
        return basis with
        {
            Test = test,
            Interval = Interval(flags.Interval) ?? basis.Interval,
            Timeout = Timeout(flags.Timeout) ?? basis.Timeout,
            StartPeriod = StartPeriod(flags.StartPeriod) ?? basis.StartPeriod,
            Retries = Retries(flags.Retries) ?? basis.Retries,
        };
    }

    /// <summary><c>--health-on-failure</c>: none (the default), kill, restart or stop.</summary>
    public static string OnFailure(string? value) =>
        value is null ? "none"
        : Actions.Contains(value) ? value
        : throw new InvalidInputException(
            $"invalid on-failure action \"{value}\" for health check: supported actions are none,kill,restart,stop");

    /// <summary>A JSON array is the exec form (CMD added when missing); other text is CMD-SHELL.</summary>
    public static IReadOnlyList<string> ParseCommand(string command)
    {
        if (command.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return ["NONE"];
        }

        string[]? array = null;
        if (command.TrimStart().StartsWith('['))
        {
            try
            {
                array = JsonSerializer.Deserialize<string[]>(command);
            }
            catch (JsonException)
            {
                array = null;
            }
        }

        if (array is null)
        {
            return command.Length == 0 ? throw NoCommand() : ["CMD-SHELL", command];
        }

        if (array.Length == 0)
        {
            throw NoCommand();
        }

        return array[0] is "CMD" or "CMD-SHELL" or "NONE" ? array : ["CMD", .. array];
    }

    // Podman checks the values even when there is no check for them to apply to.
    private static void ValidateFlagsOnly(HealthFlags flags)
    {
        Interval(flags.Interval);
        Timeout(flags.Timeout);
        StartPeriod(flags.StartPeriod);
        Retries(flags.Retries);
    }

    private static TimeSpan? Interval(string? value) =>
        value is null ? null
        : value == "disable" ? TimeSpan.Zero
        : Duration("healthcheck-interval", value) is var d && d < TimeSpan.Zero
            ? throw new InvalidInputException("healthcheck-interval must be greater than 0 seconds")
            : d;

    private static TimeSpan? Timeout(string? value) =>
        value is null ? null
        : Duration("healthcheck-timeout", value) is var d && d < TimeSpan.FromSeconds(1)
            ? throw new InvalidInputException("healthcheck-timeout must be at least 1 second")
            : d;

    private static TimeSpan? StartPeriod(string? value) =>
        value is null ? null
        : Duration("healthcheck-start-period", value) is var d && d < TimeSpan.Zero
            ? throw new InvalidInputException("healthcheck-start-period must be 0 seconds or greater")
            : d;

    private static int? Retries(int? value) =>
        value is < 1 ? throw new InvalidInputException("healthcheck-retries must be greater than 0") : value;

    private static TimeSpan Duration(string flag, string value)
    {
        try
        {
            return GoDuration.Parse(value);
        }
        catch (InvalidInputException e)
        {
            throw new InvalidInputException($"invalid {flag}: {e.Message}", e);
        }
    }

    private static InvalidInputException NoCommand() =>
        new("must define a healthcheck command for all healthchecks");
}
