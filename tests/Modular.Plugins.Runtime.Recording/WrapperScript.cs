using System.Text;

namespace Modular.Plugins.Runtime.Recording;

/// <summary>
/// Writes the wrapper conmon runs instead of runc. Written once per content, through a
/// temporary file and a rename, so concurrent modpod processes never run a half-written
/// script.
/// </summary>
internal static class WrapperScript
{
    private const UnixFileMode Executable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public static string Ensure(string path, string runc, string logPath)
    {
        var content = Render(runc, logPath);
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, content);
        File.SetUnixFileMode(temporary, Executable);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    // One line per call: the arguments separated by spaces, then runc with them unchanged.
    private static string Render(string runc, string logPath)
    {
        var script = new StringBuilder();
        script.Append("#!/bin/sh\n");
        script.Append("# Written by Modular's recording runtime plugin (tests only).\n");
        script.Append("printf '%s\\n' \"$*\" >> ").Append(Quote(logPath)).Append('\n');
        script.Append("exec ").Append(Quote(runc)).Append(" \"$@\"\n");
        return script.ToString();
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
