using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Cli.Parsing;
using Modular.Engine.Files;
using Modular.Engine.Pods;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// The <c>pod</c> group: create, exists and inspect here; ps in <see cref="PodListCommand"/>,
/// the lifecycle verbs in <see cref="PodLifecycleCommands"/>, top and logs in
/// <see cref="PodProcessCommands"/>.
/// </summary>
public static class PodCommands
{
    public static Command Group(CliContext c) =>
        new Command("pod", "Manage pods").With(
            Create(c), Exists(c), Inspect(c), PodListCommand.Create(c),
            PodLifecycleCommands.Start(c), PodLifecycleCommands.Stop(c), PodLifecycleCommands.Restart(c),
            PodLifecycleCommands.Kill(c), PodLifecycleCommands.Pause(c, "pause"),
            PodLifecycleCommands.Pause(c, "unpause"), PodLifecycleCommands.Remove(c),
            PodLifecycleCommands.Prune(c), PodProcessCommands.Top(c), PodProcessCommands.Logs(c),
            PodStatsCommand.Create(c));

    public static IPodService Pods(CliContext context) => context.Services.GetRequiredService<IPodService>();

    public static Command Create(CliContext context)
    {
        var name = Value("--name", "Name of the pod", "-n");
        var publish = Values("--publish", "Publish a port of the pod's infra: [[IP:]HOST:]CONTAINER[/PROTO]", "-p");
        var infra = new Option<bool>("--infra") { Description = "Create an infra container", DefaultValueFactory = _ => true };
        var infraImage = Value("--infra-image", "Image of the infra container");
        var infraCommand = Value("--infra-command", "Command the infra container runs");
        var infraName = Value("--infra-name", "Name of the infra container");
        var share = Value("--share", "Namespaces the members share: cgroup, ipc, net, pid, uts or none");
        var hostname = Value("--hostname", "Hostname of the pod's UTS namespace");
        var network = Values("--network", "Network of the pod's infra; repeatable", "--net");
        var labels = Values("--label", "Label to set on the pod, as KEY=VALUE; repeatable", "-l");
        var exitPolicy = Value("--exit-policy", "When the last member exits: continue or stop");
        var noHosts = Switch("--no-hosts", "Do not create /etc/hosts within the pod's containers, instead use the version from the image");
        var cgroupParent = Value("--cgroup-parent", "Set parent cgroup for the pod");
        var podIdFile = Value("--pod-id-file", "Write the pod ID to the file");
        var restart = Value("--restart", "Restart policy the pod's containers get unless they set their own");
        var replace = Switch("--replace", "If a pod with the same name exists, replace it");
        var dns = Values("--dns", "Set custom DNS servers in the pod's /etc/resolv.conf");
        var dnsSearch = Values("--dns-search", "Set custom DNS search domains");
        var dnsOption = Values("--dns-option", "Set custom DNS options");
        var addHost = Values("--add-host", "Add a custom host-to-IP mapping (host:ip)");
        var mac = Value("--mac-address", "Container MAC address of the infra (e.g. 92:d0:c6:0a:29:33)");
        var positional = new Argument<string?>("NAME") { Arity = ArgumentArity.ZeroOrOne };
        var limits = new PodResourceOptions();
        return limits.AddTo(new Command("create", "Create a new empty pod"))
            .With(name, publish, infra, infraImage, infraCommand, infraName, share, hostname, network,
                labels, exitPolicy, noHosts, cgroupParent, podIdFile, restart, replace, dns, dnsSearch, dnsOption,
                addHost, mac, positional)
            .WithAction(context, "pod create", async (r, cancellationToken) =>
            {
                var request = new PodCreateRequest
                {
                    Name = PodCreateChecks.Name(r.GetValue(name), r.GetValue(positional)),
                    Labels = PodCreateChecks.Labels(r.GetValue(labels)!),
                    Hostname = r.GetValue(hostname),
                    Share = r.GetValue(share),
                    ExitPolicy = r.GetValue(exitPolicy),
                    Infra = PodCreateChecks.WantsInfra(r.GetResult(infra) is { Implicit: false }, r.GetValue(infra), r.GetValue(share)),
                    NoHosts = r.GetValue(noHosts),
                    InfraImage = r.GetValue(infraImage),
                    InfraCommand = r.GetValue(infraCommand),
                    InfraName = r.GetValue(infraName),
                    Networks = r.GetValue(network)!,
                    PortMappings = PublishParser.Parse(r.GetValue(publish)!),
                    CreateCommand = CreateCommandLine(),
                    CgroupParent = r.GetValue(cgroupParent),
                    RestartPolicy = r.GetValue(restart),
                    DnsServers = r.GetValue(dns)!,
                    DnsSearch = r.GetValue(dnsSearch)!,
                    DnsOptions = r.GetValue(dnsOption)!,
                    AddHosts = r.GetValue(addHost)!,
                    MacAddress = r.GetValue(mac),
                    Resources = limits.ToFlags(r),
                };
                PodCreateChecks.RefuseInfraFlagsWithoutInfra(request);

                // Podman writes the file after the pod exists; an unwritable path is refused
                // first here, with the same words, so the store is left as it was.
                const string idFileSubject = "failed to write pod ID to file";
                var idFile = r.GetValue(podIdFile);
                if (idFile is { Length: > 0 })
                {
                    OutputFile.EnsureCreatable(idFile, idFileSubject);
                }

                if (r.GetValue(replace) && request.Name is { } replaced
                    && await Pods(context).ExistsAsync(replaced, cancellationToken))
                {
                    await Pods(context).RemoveAsync(replaced, force: true, null, cancellationToken);
                }

                var pod = await Pods(context).CreateAsync(request, cancellationToken);
                if (idFile is { Length: > 0 })
                {
                    await OutputFile.WriteTextAsync(idFile, pod.Id, cancellationToken, idFileSubject);
                }

                context.Out.WriteLine(pod.Id);
                return ExitCodes.Success;
            });
    }

    /// <summary>The command line as typed, with the program named modpod, not its .dll.</summary>
    public static IReadOnlyList<string> CreateCommandLine() =>
        ["modpod", .. Environment.GetCommandLineArgs().Skip(1)];

    // Podman 5's inspect says only "no such pod NAME" (4.3.1 prefixed "inspecting object: ").
    private static async Task<PodView> InspectTargetAsync(IPodService pods, string target, CancellationToken ct)
    {
        try
        {
            return await pods.GetAsync(target, ct);
        }
        catch (Contracts.Errors.NotFoundException e)
        {
            throw new Contracts.Errors.NotFoundException($"no such pod {target}", e);
        }
    }

    public static Command Exists(CliContext context)
    {
        var name = One("POD");
        return new Command("exists", "Exit with 0 if the pod exists, 1 if not").With(name)
            .WithAction(context, "pod exists", async (r, cancellationToken) =>
                await Pods(context).ExistsAsync(r.GetValue(name)!, cancellationToken)
                    ? ExitCodes.Success
                    : ExitCodes.NoSuchObject);
    }

    public static Command Inspect(CliContext context)
    {
        var format = Value("--format", "Print through a Go template instead of as JSON", "-f");
        var latest = Switch("--latest", "Inspect the newest pod", "-l");
        var names = Names("POD");
        return new Command("inspect", "Show the details of pods as JSON").With(format, latest, names)
            .WithAction(context, "pod inspect", async (r, cancellationToken) =>
            {
                var service = Pods(context);
                var targets = r.GetValue(names)!.ToList();
                if (r.GetValue(latest))
                {
                    var newest = (await service.ListAsync(cancellationToken)).MaxBy(pod => pod.Config.Created)
                        ?? throw new Contracts.Errors.NotFoundException("no pods to inspect: no such pod");
                    targets.Add(newest.Config.Id);
                }

                RequireNamesOrAll("pod", targets, false);
                var items = new List<JsonObject>();
                foreach (var target in targets)
                {
                    items.Add(service.Inspect(await InspectTargetAsync(service, target, cancellationToken)));
                }

                InspectWriter.Write(context.Out, "pod inspect", items, r.GetValue(format));
                return ExitCodes.Success;
            });
    }
}
