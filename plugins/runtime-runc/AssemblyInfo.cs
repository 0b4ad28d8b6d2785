// Modular runs on Linux only: the runtime, conmon and namespaces are Linux features.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
