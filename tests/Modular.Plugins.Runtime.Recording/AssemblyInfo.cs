using System.Runtime.Versioning;

// Modular runs on Linux only; this lets the plugin use Unix file modes without guards.
[assembly: SupportedOSPlatform("linux")]
