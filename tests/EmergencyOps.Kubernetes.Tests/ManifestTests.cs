using k8s.Models;

namespace EmergencyOps.Kubernetes.Tests;

/// <summary>The deployment rules of k8s/README.md, on both overlays as kubectl renders them.</summary>
public sealed class ManifestTests
{
    public static TheoryData<string> Overlays => new() { "dev", "prod" };

    private const string OurImages = "emergencyops/";

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_workload_of_the_system_has_a_service_a_disruption_budget_and_a_cpu_autoscaler(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        foreach (var name in SystemProjects.Workloads)
        {
            var deployment = Assert.Single(manifests.All<V1Deployment>(), d => d.Metadata.Name == name);
            var labels = deployment.Spec.Template.Metadata.Labels;
            Assert.StartsWith(OurImages, deployment.Spec.Template.Spec.Containers[0].Image, StringComparison.Ordinal);
            Assert.Contains(manifests.All<V1Service>(), s => s.Metadata.Name == name && Selectors.Match(s.Spec.Selector, labels));
            var hpa = Assert.Single(manifests.All<V2HorizontalPodAutoscaler>(), h => h.Spec.ScaleTargetRef.Name == name && h.Spec.ScaleTargetRef.Kind == "Deployment");
            Assert.Contains(hpa.Spec.Metrics, m => m.Resource?.Name == "cpu" && m.Resource.Target.AverageUtilization > 0);
            Assert.True(overlay == "prod" ? hpa.Spec.MinReplicas >= 2 : hpa.Spec.MinReplicas == 1, $"{overlay} {name}: minReplicas {hpa.Spec.MinReplicas}");
            Assert.True(hpa.Spec.MaxReplicas >= (hpa.Spec.MinReplicas ?? 1), $"{name}: maxReplicas below minReplicas");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_has_probes_limits_and_a_locked_down_security_context(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        foreach (var (kind, owner, template) in manifests.Workloads())
        {
            var pod = template.Spec;
            Assert.False(pod.AutomountServiceAccountToken ?? true, $"{kind} {owner.Name}: automountServiceAccountToken");
            foreach (var container in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                var what = $"{overlay} {kind} {owner.Name}/{container.Name}";
                var security = container.SecurityContext;
                Assert.True(security?.AllowPrivilegeEscalation == false, $"{what}: allowPrivilegeEscalation must be false");
                Assert.True((security?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot) == true, $"{what}: runAsNonRoot");
                Assert.Equal("RuntimeDefault", (security?.SeccompProfile ?? pod.SecurityContext?.SeccompProfile)?.Type);
                Assert.Contains("ALL", security?.Capabilities?.Drop ?? []);
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    Assert.True(container.Resources?.Requests?.ContainsKey(resource) == true, $"{what}: no {resource} request");
                    Assert.True(container.Resources?.Limits?.ContainsKey(resource) == true, $"{what}: no {resource} limit");
                }
                if (container.Image.StartsWith(OurImages, StringComparison.Ordinal))
                {
                    Assert.True(security?.ReadOnlyRootFilesystem == true, $"{what}: readOnlyRootFilesystem");
                }
            }
            if (kind == "Deployment" && pod.Containers[0].Image.StartsWith(OurImages, StringComparison.Ordinal))
            {
                var container = pod.Containers[0];
                Assert.Equal("/health/live", container.LivenessProbe?.HttpGet?.Path);
                Assert.Equal("/health/ready", container.ReadinessProbe?.HttpGet?.Path);
                Assert.All(new[] { container.LivenessProbe!.HttpGet.Port, container.ReadinessProbe!.HttpGet.Port },
                    port => Assert.Equal(SystemProjects.ContainerPort, Ports.Resolve(port, container)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void No_image_is_latest_or_untagged_and_no_secret_value_is_written_in_the_manifests(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        foreach (var (kind, owner, template) in manifests.Workloads())
        {
            foreach (var container in template.Spec.Containers.Concat(template.Spec.InitContainers ?? []))
            {
                var tag = container.Image.Contains('@', StringComparison.Ordinal) ? "digest"
                    : container.Image[(container.Image.LastIndexOf('/') + 1)..].Split(':') is [_, var t] ? t : null;
                Assert.True(tag is not null and not "latest", $"{kind} {owner.Name}: image {container.Image} must name a version");
                foreach (var (name, value) in manifests.Environment(container))
                {
                    Assert.False(value is not null && Secrets.LookLikeACredential(value), $"{kind} {owner.Name}: {name} holds a credential inline");
                }
            }
        }
        Assert.DoesNotContain(manifests.All<V1Secret>(), s => s.Data?.Count > 0 || s.StringData?.Count > 0);
        Assert.All(manifests.All<V1ConfigMap>(), map => Assert.DoesNotContain(map.Data ?? new Dictionary<string, string>(), d => Secrets.LookLikeACredential(d.Value)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_workload_has_a_network_policy_of_its_own_and_every_long_running_one_a_disruption_budget(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var policies = manifests.All<V1NetworkPolicy>().ToList();
        Assert.Contains(policies, p => Selectors.IsEmpty(p.Spec.PodSelector) && p.Spec.PolicyTypes.Contains("Ingress") && p.Spec.PolicyTypes.Contains("Egress")
            && (p.Spec.Ingress ?? []).Count == 0);
        foreach (var (kind, owner, template) in manifests.Workloads())
        {
            var labels = template.Metadata.Labels;
            Assert.True(policies.Any(p => !Selectors.IsEmpty(p.Spec.PodSelector) && Selectors.Match(p.Spec.PodSelector, labels)),
                $"{overlay} {kind} {owner.Name}: no NetworkPolicy selects it by its own labels");
            if (kind != "Job")
            {
                Assert.True(manifests.All<V1PodDisruptionBudget>().Any(b => Selectors.Match(b.Spec.Selector, labels)), $"{overlay} {kind} {owner.Name}: no PodDisruptionBudget");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Only_the_gateway_is_reachable_from_outside_the_namespace(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var ingress = Assert.Single(manifests.All<V1Ingress>());
        Assert.All(ingress.Spec.Rules.SelectMany(r => r.Http.Paths), path => Assert.Equal("gateway", path.Backend.Service.Name));
        var gatewayLabels = manifests.All<V1Deployment>().Single(d => d.Metadata.Name == "gateway").Spec.Template.Metadata.Labels;
        foreach (var policy in manifests.All<V1NetworkPolicy>())
        {
            foreach (var peer in (policy.Spec.Ingress ?? []).SelectMany(rule => rule.FromProperty ?? []))
            {
                Assert.Null(peer.IpBlock);
                if (peer.NamespaceSelector is null)
                {
                    continue;
                }
                // The RabbitMQ operator manages its cluster from its own namespace; nothing else outside reaches in but to the gateway.
                var fromOperator = Selectors.Label(peer.NamespaceSelector.MatchLabels, "kubernetes.io/metadata.name") == "rabbitmq-system"
                    && manifests.All<RabbitmqCluster>().Any(c => Selectors.Label(policy.Spec.PodSelector.MatchLabels, "app.kubernetes.io/name") == c.Metadata.Name);
                Assert.True(fromOperator || Selectors.Match(policy.Spec.PodSelector, gatewayLabels), $"{overlay} {policy.Metadata.Name}: ingress from another namespace");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Ports_and_variables_are_the_ones_the_services_and_the_AppHost_use(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        foreach (var name in SystemProjects.Workloads)
        {
            var deployment = manifests.All<V1Deployment>().Single(d => d.Metadata.Name == name);
            var container = deployment.Spec.Template.Spec.Containers[0];
            var environment = manifests.Environment(container);
            Assert.StartsWith(SystemProjects.RepositoryOf(name) + ":", container.Image, StringComparison.Ordinal);
            Assert.Equal(SystemProjects.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), environment.GetValueOrDefault("ASPNETCORE_HTTP_PORTS"));
            Assert.Contains(container.Ports, p => p.ContainerPort == SystemProjects.ContainerPort);
            var service = manifests.All<V1Service>().Single(s => s.Metadata.Name == name);
            // The service's HTTP port reaches the container's; any other (identity's internal TLS in prod) reaches a port it declares.
            Assert.Contains(service.Spec.Ports, p => Ports.Resolve(p.TargetPort, container) == SystemProjects.ContainerPort);
            Assert.All(service.Spec.Ports, p => Assert.Contains(container.Ports, c => c.ContainerPort == Ports.Resolve(p.TargetPort, container)));
            // The console takes nothing from the AppHost but its port.
            var expected = SystemProjects.VariablesOf(name);
            Assert.True(expected.Count > 0 || name == "console", $"no variables read for {name}");
            Assert.All(expected, variable => Assert.True(environment.ContainsKey(variable), $"{overlay} {name}: {variable} is not set"));
            if (SystemProjects.DatabaseOf(name) is not null)
            {
                Assert.Equal("false", environment.GetValueOrDefault("Database__MigrateAtStart"));
                var job = Assert.Single(manifests.All<V1Job>(), j => j.Spec.Template.Spec.Containers.Any(c => c.Image == container.Image));
                var runner = job.Spec.Template.Spec.Containers.Single(c => c.Image == container.Image);
                Assert.Equal([SystemProjects.MigrateArgument], runner.Args);
                Assert.Contains($"ConnectionStrings__{SystemProjects.DatabaseOf(name)}", manifests.Environment(runner).Keys);
            }
        }
    }
}
