using System.Text.RegularExpressions;
using k8s.Models;

namespace EmergencyOps.Kubernetes.Tests;

/// <summary>Label selectors as Kubernetes applies them, and the other small rules the manifest tests share.</summary>
internal static class Selectors
{
    public static string? Label(IDictionary<string, string>? labels, string key) => labels is not null && labels.TryGetValue(key, out var value) ? value : null;

    public static bool IsEmpty(V1LabelSelector? selector) =>
        selector is null || ((selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0);

    public static bool Match(IDictionary<string, string>? selector, IDictionary<string, string> labels) =>
        selector is { Count: > 0 } && selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);

    public static bool Match(V1LabelSelector? selector, IDictionary<string, string> labels)
    {
        if (IsEmpty(selector))
        {
            return true;
        }
        return (selector!.MatchLabels ?? new Dictionary<string, string>()).All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value)
            && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
            {
                "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
                "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
                "Exists" => labels.ContainsKey(e.Key),
                "DoesNotExist" => !labels.ContainsKey(e.Key),
                _ => throw new InvalidOperationException($"unknown selector operator {e.OperatorProperty}"),
            });
    }
}

internal static class Ports
{
    /// <summary>A probe's or a Service's port: a number, or the name of one of the container's ports.</summary>
    public static int Resolve(IntOrString port, V1Container container)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(container);
        return int.TryParse(port.Value, out var number) ? number : container.Ports.Single(p => p.Name == port.Value).ContainerPort;
    }
}

internal static partial class Secrets
{
    /// <summary>A password in a connection string or a URI: the manifests must take these from Secrets.</summary>
    public static bool LookLikeACredential(string value) => Credential().IsMatch(value);

    [GeneratedRegex(@"(password|pwd)\s*=\s*[^;$\s]|://[^/@\s:]+:[^/@\s]+@", RegexOptions.IgnoreCase)]
    private static partial Regex Credential();
}
