namespace Argus.Tests;

/// <summary>A small cluster as manifests: two namespaces, workloads good and bad, RBAC, a policy, a Secret Argus must never read.</summary>
internal static class ClusterYaml
{
    public const string Small = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: web
          labels:
            pod-security.kubernetes.io/enforce: restricted
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: legacy
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: empty
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop
          namespace: web
        spec:
          template:
            metadata:
              labels: {app: shop}
            spec:
              automountServiceAccountToken: false
              securityContext:
                runAsNonRoot: true
                seccompProfile: {type: RuntimeDefault}
              containers:
              - name: app
                image: registry.example.com/shop:1.4.2
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: {drop: [ALL]}
                resources:
                  requests: {cpu: 100m, memory: 128Mi}
                  limits: {cpu: 500m, memory: 256Mi}
                livenessProbe: {httpGet: {path: /healthz, port: 8080}}
                readinessProbe: {httpGet: {path: /ready, port: 8080}}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: shop-5d8f
          namespace: web
          ownerReferences:
          - {apiVersion: apps/v1, kind: Deployment, name: shop, controller: true, uid: "1"}
        spec:
          template:
            spec:
              containers:
              - {name: app, image: "registry.example.com/shop:1.4.2"}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          namespace: legacy
        spec:
          hostPID: true
          containers:
          - name: shell
            image: busybox
            securityContext:
              privileged: true
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: web
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: secret-reader
        rules:
        - apiGroups: [""]
          resources: [secrets]
          verbs: [get, list]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: ci-reads-secrets
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
        subjects:
        - {kind: ServiceAccount, name: ci, namespace: legacy}
        - {kind: Group, name: developers, apiGroup: rbac.authorization.k8s.io}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: ops-admin
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
        - {kind: User, name: alice@example.com, apiGroup: rbac.authorization.k8s.io}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: shop
          namespace: web
        spec:
          type: LoadBalancer
          ports: [{port: 443, nodePort: 30443}]
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: db-password
          namespace: web
        data:
          password: c2VjcmV0
        """;
}
