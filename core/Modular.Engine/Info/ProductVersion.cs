using System.Reflection;
using System.Runtime.InteropServices;

namespace Modular.Engine.Info;

/// <summary>Modular's own version facts, in the fields of Podman's <c>version</c> output.</summary>
public static class ProductVersion
{
    /// <summary>The product version; bumped by releases with the CLI's project Version.</summary>
    public const string Version = "0.1.0";

    /// <summary>The API level of Podman whose command surface Modular follows.</summary>
    public const string ApiVersion = "5.0.0";

    /// <summary>The git commit baked in by the SDK (InformationalVersion "+sha"), or empty.</summary>
    public static string GitCommit
    {
        get
        {
            var informational = typeof(ProductVersion).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
            var plus = informational.IndexOf('+');
            return plus >= 0 ? informational[(plus + 1)..] : "";
        }
    }

    /// <summary>When the engine assembly was built: its file time, the best we have without a stamp.</summary>
    public static DateTimeOffset BuiltTime
    {
        get
        {
            var location = typeof(ProductVersion).Assembly.Location;
            return location.Length > 0 && File.Exists(location)
                ? new DateTimeOffset(File.GetLastWriteTimeUtc(location), TimeSpan.Zero)
                : DateTimeOffset.UnixEpoch;
        }
    }

    /// <summary>Podman's version object: same names in JSON and templates.</summary>
    internal static InfoObject Describe()
    {
        var built = BuiltTime;
        return new InfoObject()
            // The same facts `version` prints, so the two commands agree.
            .Add("APIVersion", ApiVersion)
            .Add("Version", Version)
            .Add("GoVersion", $".NET {RuntimeInformation.FrameworkDescription.Replace(".NET ", "")}")
            .Add("GitCommit", GitCommit)
            .Add("BuiltTime", AnsiC(built))
            .Add("Built", built.ToUnixTimeSeconds())
            .Add("OsArch", $"linux/{HostFacts.Arch}")
            .Add("Os", "linux");
    }

    /// <summary>Go's time.ANSIC layout, "Mon Jan _2 15:04:05 2006", which Podman prints.</summary>
    public static string AnsiC(DateTimeOffset time) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{time.LocalDateTime:ddd MMM} {time.LocalDateTime.Day,2} {time.LocalDateTime:HH:mm:ss yyyy}");
}
