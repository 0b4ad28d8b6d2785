// Modular runs on Linux only; container tests share cgroups and conmon, so they run one at a time.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
