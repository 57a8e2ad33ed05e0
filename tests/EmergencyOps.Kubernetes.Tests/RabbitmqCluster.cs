using k8s;
using k8s.Models;

namespace EmergencyOps.Kubernetes.Tests;

/// <summary>
/// The RabbitMQ Cluster Operator's resource (rabbitmq.com/v1beta1), as far as the manifests use it: KubernetesClient has
/// no model for it, and a field outside this one fails the strict parse as an unknown core field would.
/// </summary>
[KubernetesEntity(Group = "rabbitmq.com", ApiVersion = "v1beta1", Kind = "RabbitmqCluster", PluralName = "rabbitmqclusters")]
public sealed class RabbitmqCluster : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public V1ObjectMeta Metadata { get; set; } = new();

    public RabbitmqClusterSpec Spec { get; set; } = new();
}

public sealed class RabbitmqClusterSpec
{
    public int Replicas { get; set; }

    public string? Image { get; set; }

    public RabbitmqService? Service { get; set; }

    public RabbitmqPersistence? Persistence { get; set; }

    public V1ResourceRequirements? Resources { get; set; }

    public V1Affinity? Affinity { get; set; }

    public RabbitmqConfig? Rabbitmq { get; set; }
}

public sealed class RabbitmqService
{
    public string? Type { get; set; }
}

public sealed class RabbitmqPersistence
{
    public string? Storage { get; set; }

    public string? StorageClassName { get; set; }
}

public sealed class RabbitmqConfig
{
    public string? AdditionalConfig { get; set; }

    public IList<string>? AdditionalPlugins { get; set; }
}
