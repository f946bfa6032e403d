#!/usr/bin/env python3
"""Trim botocore's published AWS API models to the operations Argus calls.

Reads service-2.json and paginators-1.json from botocore's data folder (by default the importable botocore
package's, e.g. `pip install botocore`; Debian's python3-botocore is older and lacks newer fields) and writes
src/Argus.Aws/Client/Models/<service>.json and <service>.paginators.json holding only the listed operations and
the shapes they reach, without documentation. The output is committed, so builds never need botocore.

Usage: scripts/trim-aws-models.py [--botocore-data DIR] [--out DIR]
"""
import argparse
import gzip
import json
import os
import sys

# The operations the generic client may be asked for, per botocore service name. Keep in step with the
# permission catalog: the catalog decides what may be called, this list decides what the client can encode.
OPERATIONS = {
    "ec2": [
        "DescribeRegions", "DescribeAvailabilityZones", "DescribeVpcs", "DescribeSubnets", "DescribeRouteTables",
        "DescribeInternetGateways", "DescribeEgressOnlyInternetGateways", "DescribeNatGateways",
        "DescribeTransitGateways", "DescribeTransitGatewayAttachments", "DescribeTransitGatewayRouteTables",
        "DescribeTransitGatewayVpcAttachments", "DescribeTransitGatewayPeeringAttachments",
        "GetTransitGatewayRouteTableAssociations", "GetTransitGatewayRouteTablePropagations",
        "SearchTransitGatewayRoutes", "DescribeVpcPeeringConnections", "DescribeVpnGateways",
        "DescribeVpnConnections", "DescribeCustomerGateways", "DescribeNetworkInterfaces", "DescribeInstances",
        "DescribeVolumes", "DescribeSecurityGroups", "DescribeNetworkAcls", "DescribeManagedPrefixLists",
        "GetManagedPrefixListEntries", "DescribeVpcEndpoints", "DescribeVpcEndpointServices", "DescribeAddresses",
        "DescribeFlowLogs", "GetEbsEncryptionByDefault", "DescribeImages",
        # Agentless VM scanning (feature vuln.vm-scan): the only writes, each on Argus-tagged resources.
        "DescribeSnapshots", "CreateSnapshot", "CopySnapshot", "ModifySnapshotAttribute", "DeleteSnapshot",
        "CreateVolume", "AttachVolume", "DetachVolume", "DeleteVolume", "CreateTags",
        # The scanner instance and network Argus launches (attach mode, --scanner launch), all Argus-tagged.
        "CreateVpc", "DeleteVpc", "CreateSubnet", "DeleteSubnet", "CreateInternetGateway", "AttachInternetGateway",
        "DetachInternetGateway", "DeleteInternetGateway", "CreateRouteTable", "CreateRoute", "AssociateRouteTable",
        "DisassociateRouteTable", "DeleteRouteTable", "CreateSecurityGroup", "DeleteSecurityGroup", "RunInstances",
        "TerminateInstances",
    ],
    "network-firewall": ["ListFirewalls", "DescribeFirewall", "DescribeFirewallPolicy", "DescribeRuleGroup"],
    "elbv2": [
        "DescribeLoadBalancers", "DescribeListeners", "DescribeTargetGroups", "DescribeTargetHealth", "DescribeTags",
    ],
    "iam": [
        "GetAccountAuthorizationDetails", "ListUsers", "ListGroups", "ListRoles", "ListPolicies",
        "ListInstanceProfiles", "GenerateCredentialReport", "GetCredentialReport", "GetAccountSummary",
        "GetAccountPasswordPolicy", "ListAccessKeys", "ListServerCertificates", "ListMFADevices",
        "ListVirtualMFADevices", "GetPolicyVersion", "SimulatePrincipalPolicy",
    ],
    "sts": ["GetCallerIdentity", "AssumeRole"],
    "organizations": [
        "DescribeOrganization", "ListRoots", "ListAccounts", "ListOrganizationalUnitsForParent",
        "ListAccountsForParent", "ListPolicies", "DescribePolicy", "ListTargetsForPolicy",
        "ListDelegatedAdministrators",
    ],
    "directconnect": ["DescribeDirectConnectGateways", "DescribeDirectConnectGatewayAssociations"],
    "logs": ["DescribeLogGroups", "DescribeMetricFilters", "FilterLogEvents"],
    "cloudtrail": ["DescribeTrails", "GetTrailStatus", "GetEventSelectors"],
    "kms": [
        "ListKeys", "DescribeKey", "GetKeyRotationStatus", "GetKeyPolicy", "ListAliases",
        "CreateGrant", "RetireGrant", "ListGrants",
    ],
    "ebs": ["ListSnapshotBlocks", "GetSnapshotBlock"],
    "config": ["DescribeConfigurationRecorders", "DescribeConfigurationRecorderStatus", "DescribeDeliveryChannels"],
    "cloudwatch": ["DescribeAlarms"],
    "sns": ["ListTopics", "ListSubscriptions"],
    "rds": ["DescribeDBInstances", "DescribeDBClusters", "DescribeDBSnapshots"],
    "efs": ["DescribeFileSystems", "DescribeFileSystemPolicy"],
    "securityhub": ["DescribeHub", "GetEnabledStandards"],
    "accessanalyzer": ["ListAnalyzers", "ListFindings"],
    "eks": ["ListClusters", "DescribeCluster"],
    "s3control": ["GetPublicAccessBlock"],
    "account": ["GetAlternateContact", "GetContactInformation", "ListRegions"],
    "wafv2": ["ListWebACLs", "ListResourcesForWebACL"],
    "ecr": ["GetAuthorizationToken", "DescribeRepositories", "GetRepositoryPolicy", "GetLifecyclePolicy"],
    "inspector2": ["BatchGetAccountStatus", "ListCoverage"],
    "dlm": ["GetLifecyclePolicies", "GetLifecyclePolicy"],
    "ses": ["DescribeActiveReceiptRuleSet"],
    "elasticbeanstalk": ["DescribeEnvironments", "DescribeConfigurationSettings"],
    "appflow": ["ListFlows", "DescribeFlow"],
    "imagebuilder": ["ListImagePipelines"],
    "apigateway": ["GetRestApis", "GetStages"],
    "apprunner": ["ListServices"],
    "cognito-idp": ["ListUserPools"],
    "s3": [
        "ListBuckets", "GetBucketLocation", "GetBucketPolicy", "GetBucketPolicyStatus", "GetPublicAccessBlock",
        "GetBucketAcl", "GetBucketEncryption", "GetBucketVersioning", "GetBucketTagging", "GetBucketLogging",
    ],
}

# The wire protocols the generic client speaks. Newer models list several (CloudWatch: smithy-rpc-v2-cbor, json,
# query); the first the client speaks is kept.
CLIENT_PROTOCOLS = {"ec2", "query", "json", "rest-json", "rest-xml"}

DROPPED_KEYS = {"documentation", "documentationUrl", "examples", "deprecatedMessage"}


def load(path):
    """A JSON file, or its .gz sibling (newer Debian packages compress the data)."""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    if os.path.exists(path + ".gz"):
        with gzip.open(path + ".gz", "rt", encoding="utf-8") as f:
            return json.load(f)
    return None


def latest_version_dir(data, service):
    root = os.path.join(data, service)
    if not os.path.isdir(root):
        sys.exit(f"trim-aws-models: no botocore data for {service} under {root}")
    versions = sorted(v for v in os.listdir(root) if load(os.path.join(root, v, "service-2.json")) is not None)
    if not versions:
        sys.exit(f"trim-aws-models: {root} holds no service-2.json")
    return os.path.join(root, versions[-1])


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROPPED_KEYS}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def reachable(shapes, roots):
    seen, stack = set(), list(roots)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        if name not in shapes:
            sys.exit(f"trim-aws-models: shape {name} is referenced but not defined")
        seen.add(name)
        shape = shapes[name]
        refs = list(shape.get("members", {}).values())
        refs += [shape[k] for k in ("member", "key", "value") if k in shape]
        stack.extend(r["shape"] for r in refs)
    return seen


def trim(data, service, operations, out):
    folder = latest_version_dir(data, service)
    model = load(os.path.join(folder, "service-2.json"))
    missing = [o for o in operations if o not in model["operations"]]
    if missing:
        sys.exit(f"trim-aws-models: {service} has no operation {', '.join(missing)} in {folder}")
    ops = {o: model["operations"][o] for o in operations}
    roots = [op[k]["shape"] for op in ops.values() for k in ("input", "output") if k in op]
    keep = reachable(model["shapes"], roots)
    metadata = dict(model["metadata"])
    spoken = [p for p in [metadata["protocol"], *metadata.get("protocols", [])] if p in CLIENT_PROTOCOLS]
    if not spoken:
        sys.exit(f"trim-aws-models: {service} speaks none of the client's protocols")
    metadata["protocol"] = spoken[0]
    metadata["protocols"] = spoken
    trimmed = {
        "version": model.get("version", "2.0"),
        "metadata": metadata,
        "operations": strip(ops),
        "shapes": strip({k: model["shapes"][k] for k in sorted(keep)}),
    }
    write(os.path.join(out, f"{service}.json"), trimmed)
    paginators = (load(os.path.join(folder, "paginators-1.json")) or {}).get("pagination", {})
    write(os.path.join(out, f"{service}.paginators.json"),
          {"pagination": {k: v for k, v in sorted(paginators.items()) if k in operations}})
    print(f"{service}: {len(ops)} operations, {len(keep)} shapes from {folder}")


def write(path, value):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(value, f, indent=1, sort_keys=True)
        f.write("\n")


def default_data():
    """The data folder of the importable botocore package, else Debian's."""
    try:
        import botocore
        return os.path.join(os.path.dirname(botocore.__file__), "data")
    except ImportError:
        return "/usr/lib/python3/dist-packages/botocore/data"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--botocore-data", default=default_data())
    parser.add_argument("--out", default=os.path.join(here, "..", "src", "Argus.Aws", "Client", "Models"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for service, operations in OPERATIONS.items():
        trim(args.botocore_data, service, operations, args.out)


if __name__ == "__main__":
    main()
