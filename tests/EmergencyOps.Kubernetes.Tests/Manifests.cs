using System.Diagnostics;
using EmergencyOps.Testing;
using k8s;
using k8s.Models;

namespace EmergencyOps.Kubernetes.Tests;

/// <summary>An overlay as kubectl renders it, every object parsed strictly with KubernetesClient's models (an unknown field throws).</summary>
public sealed class Manifests
{
    private static readonly Dictionary<string, Lazy<Manifests>> Overlays = new(StringComparer.Ordinal)
    {
        ["dev"] = new(() => Render("dev")),
        ["prod"] = new(() => Render("prod")),
    };

    private Manifests(string overlay, IReadOnlyList<object> objects) => (Overlay, Objects) = (overlay, objects);

    public string Overlay { get; }

    public IReadOnlyList<object> Objects { get; }

    public static Manifests Of(string overlay) => Overlays[overlay].Value;

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    /// <summary>Every pod template with what owns it: Deployments, StatefulSets and Jobs.</summary>
    public IEnumerable<(string Kind, V1ObjectMeta Owner, V1PodTemplateSpec Template)> Workloads() =>
        All<V1Deployment>().Select(d => ("Deployment", d.Metadata, d.Spec.Template))
            .Concat(All<V1StatefulSet>().Select(s => ("StatefulSet", s.Metadata, s.Spec.Template)))
            .Concat(All<V1Job>().Select(j => ("Job", j.Metadata, j.Spec.Template)));

    /// <summary>The ConfigMap data a container sees through envFrom, by key.</summary>
    public IReadOnlyDictionary<string, string> ConfigMap(string name) =>
        All<V1ConfigMap>().Single(c => c.Metadata.Name == name).Data?.AsReadOnly() ?? new Dictionary<string, string>().AsReadOnly();

    /// <summary>The variables a container is given, with the value where the manifests hold it (null when it comes from a Secret).</summary>
    public IReadOnlyDictionary<string, string?> Environment(V1Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            if (source.ConfigMapRef is { } map)
            {
                foreach (var (key, value) in ConfigMap(map.Name))
                {
                    variables[(source.Prefix ?? "") + key] = value;
                }
            }
        }
        foreach (var variable in container.Env ?? [])
        {
            variables[variable.Name] = variable.ValueFrom?.ConfigMapKeyRef is { } key ? ConfigMap(key.Name)[key.Key] : variable.Value;
        }
        return variables;
    }

    private static Manifests Render(string overlay)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", Path.Combine(Repository.Root(), "k8s", "overlays", overlay)])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var kubectl = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var errors = kubectl.StandardError.ReadToEndAsync();
        var yaml = kubectl.StandardOutput.ReadToEnd();
        kubectl.WaitForExit();
        Assert.True(kubectl.ExitCode == 0, $"kubectl kustomize k8s/overlays/{overlay}: {errors.Result}");
        var types = new Dictionary<string, Type> { ["rabbitmq.com/v1beta1/RabbitmqCluster"] = typeof(RabbitmqCluster) };
        return new Manifests(overlay, KubernetesYaml.LoadAllFromString(yaml, types, strict: true));
    }
}
