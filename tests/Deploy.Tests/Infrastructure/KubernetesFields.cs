namespace Mimo.Deploy.Tests.Infrastructure;

/// <summary>
/// The fields the Kubernetes API (v1.34) defines for the parts of a workload where a misspelt key
/// would otherwise go unnoticed until a server with strict field validation refuses it, or,
/// worse, one without it drops it (a probe or a limit silently missing).
/// </summary>
public static class KubernetesFields
{
    public static readonly IReadOnlySet<string> Deployment = new HashSet<string>(StringComparer.Ordinal)
    {
        "replicas", "selector", "template", "strategy", "minReadySeconds", "revisionHistoryLimit",
        "paused", "progressDeadlineSeconds",
    };

    public static readonly IReadOnlySet<string> Job = new HashSet<string>(StringComparer.Ordinal)
    {
        "parallelism", "completions", "activeDeadlineSeconds", "podFailurePolicy", "successPolicy",
        "backoffLimit", "backoffLimitPerIndex", "maxFailedIndexes", "selector", "manualSelector", "template",
        "ttlSecondsAfterFinished", "completionMode", "suspend", "podReplacementPolicy", "managedBy",
    };

    public static readonly IReadOnlySet<string> PodSpec = new HashSet<string>(StringComparer.Ordinal)
    {
        "volumes", "initContainers", "containers", "ephemeralContainers", "restartPolicy",
        "terminationGracePeriodSeconds", "activeDeadlineSeconds", "dnsPolicy", "nodeSelector",
        "serviceAccountName", "serviceAccount", "automountServiceAccountToken", "nodeName", "hostNetwork",
        "hostPID", "hostIPC", "shareProcessNamespace", "securityContext", "imagePullSecrets", "hostname",
        "subdomain", "affinity", "schedulerName", "tolerations", "hostAliases", "priorityClassName", "priority",
        "dnsConfig", "readinessGates", "runtimeClassName", "enableServiceLinks", "preemptionPolicy", "overhead",
        "topologySpreadConstraints", "setHostnameAsFQDN", "os", "hostUsers", "schedulingGates",
        "resourceClaims", "resources",
    };

    public static readonly IReadOnlySet<string> Container = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "image", "command", "args", "workingDir", "ports", "envFrom", "env", "resources",
        "resizePolicy", "restartPolicy", "volumeMounts", "volumeDevices", "livenessProbe", "readinessProbe",
        "startupProbe", "lifecycle", "terminationMessagePath", "terminationMessagePolicy", "imagePullPolicy",
        "securityContext", "stdin", "stdinOnce", "tty",
    };

    public static readonly IReadOnlySet<string> Probe = new HashSet<string>(StringComparer.Ordinal)
    {
        "exec", "httpGet", "tcpSocket", "grpc", "initialDelaySeconds", "timeoutSeconds", "periodSeconds",
        "successThreshold", "failureThreshold", "terminationGracePeriodSeconds",
    };

    public static readonly IReadOnlySet<string> Resources = new HashSet<string>(StringComparer.Ordinal)
    {
        "limits", "requests", "claims",
    };

    public static readonly IReadOnlySet<string> ContainerSecurityContext = new HashSet<string>(StringComparer.Ordinal)
    {
        "capabilities", "privileged", "seLinuxOptions", "windowsOptions", "runAsUser", "runAsGroup",
        "runAsNonRoot", "readOnlyRootFilesystem", "allowPrivilegeEscalation", "procMount", "seccompProfile",
        "appArmorProfile",
    };
}
