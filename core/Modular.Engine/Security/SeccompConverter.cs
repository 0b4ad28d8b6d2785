using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Modular.Engine.Security;

/// <summary>
/// Turns a seccomp profile in the Docker/containers-common format (names, archMap,
/// includes/excludes by capability and architecture, minKernel) into the OCI spec's
/// linux.seccomp for this machine: rules kept only where their conditions hold, as
/// containers/common does when it builds a container's filter.
/// </summary>
public static class SeccompConverter
{
    public static JsonObject Convert(JsonObject profile, IReadOnlyCollection<string> capabilities)
    {
        var (nativeArch, goArch) = NativeArchitecture();
        var result = new JsonObject
        {
            ["defaultAction"] = profile["defaultAction"]?.GetValue<string>() ?? "SCMP_ACT_ERRNO",
            ["architectures"] = Architectures(profile, nativeArch),
            ["syscalls"] = new JsonArray(Rules(profile, capabilities, goArch).ToArray()),
        };
        if (profile["defaultErrnoRet"] is JsonValue errno)
        {
            result["defaultErrnoRet"] = ToUInt(errno);
        }

        if (profile["flags"] is JsonArray flags)
        {
            result["flags"] = flags.DeepClone();
        }

        return result;
    }

    private static JsonArray Architectures(JsonObject profile, string nativeArch)
    {
        if (profile["architectures"] is JsonArray listed)
        {
            return (JsonArray)listed.DeepClone();
        }

        var result = new JsonArray();
        foreach (var entry in profile["archMap"]?.AsArray() ?? [])
        {
            if (entry?["architecture"]?.GetValue<string>() != nativeArch)
            {
                continue;
            }

            result.Add(nativeArch);
            foreach (var sub in entry["subArchitectures"]?.AsArray() ?? [])
            {
                result.Add(sub!.GetValue<string>());
            }
        }

        return result;
    }

    private static IEnumerable<JsonNode> Rules(
        JsonObject profile,
        IReadOnlyCollection<string> capabilities,
        string goArch)
    {
        foreach (var rule in profile["syscalls"]?.AsArray() ?? [])
        {
            if (rule is not JsonObject call || !Applies(call, capabilities, goArch))
            {
                continue;
            }

            var names = call["names"] is JsonArray list ? (JsonArray)list.DeepClone()
                : new JsonArray(call["name"]?.GetValue<string>());
            var converted = new JsonObject
            {
                ["names"] = names,
                ["action"] = call["action"]!.GetValue<string>(),
            };
            if (call["errnoRet"] is JsonValue errno)
            {
                converted["errnoRet"] = ToUInt(errno);
            }

            if (call["args"] is JsonArray { Count: > 0 } args)
            {
                converted["args"] = args.DeepClone();
            }

            yield return converted;
        }
    }

    // includes: every listed capability held, this architecture listed, kernel new enough.
    // excludes: no listed capability held, this architecture not listed.
    private static bool Applies(JsonObject call, IReadOnlyCollection<string> capabilities, string goArch)
    {
        var includes = call["includes"] as JsonObject;
        var excludes = call["excludes"] as JsonObject;
        return Strings(includes, "caps").All(capabilities.Contains)
            && (Strings(includes, "arches") is not { Count: > 0 } arches || arches.Contains(goArch))
            && !Strings(excludes, "caps").Any(capabilities.Contains)
            && !Strings(excludes, "arches").Contains(goArch)
            && KernelAtLeast(includes?["minKernel"]?.GetValue<string>());
    }

    // A value read from a file and one built in code hold different CLR types; the text does not.
    private static uint ToUInt(JsonValue value) =>
        uint.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Strings(JsonObject? table, string key) =>
        table?[key] is JsonArray values ? values.Select(v => v!.GetValue<string>()).ToList() : [];

    private static bool KernelAtLeast(string? minimum)
    {
        if (string.IsNullOrEmpty(minimum))
        {
            return true;
        }

        var running = Environment.OSVersion.Version;
        return Version.TryParse(minimum, out var wanted)
            && new Version(running.Major, running.Minor) >= new Version(wanted.Major, wanted.Minor);
    }

    private static (string Native, string Go) NativeArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => ("SCMP_ARCH_AARCH64", "arm64"),
        Architecture.S390x => ("SCMP_ARCH_S390X", "s390x"),
        Architecture.Ppc64le => ("SCMP_ARCH_PPC64LE", "ppc64le"),
        _ => ("SCMP_ARCH_X86_64", "amd64"),
    };
}
