using Argus.Aws.Operations;
using Argus.Core.Model;
using static Argus.Aws.Tests.Normalization.Normalized;

namespace Argus.Aws.Tests.Normalization;

/// <summary>
/// Hand-written answers in the shapes the AWS CLI prints (member names as in the services' API references), for
/// the services the real fixtures do not cover.
/// </summary>
internal static class SampleDocuments
{
    public const string OrgId = "o-exampleorgid";
    public const string RootId = "r-ab12";
    public const string WorkloadsOu = "ou-ab12-11111111";
    public const string ProdOu = "ou-ab12-22222222";
    public const string OrgPrefix = "arn:aws:organizations::111111111111:";

    /// <summary>An organization: Root / Workloads / Prod, accounts spread over them, per-parent answers out of order.</summary>
    public static RawDocument[] Organization() =>
    [
        Doc(AwsOperations.DescribeOrganization, $$$"""
            {"Organization": {"Id": "{{{OrgId}}}", "Arn": "{{{OrgPrefix}}}organization/{{{OrgId}}}", "FeatureSet": "ALL",
              "MasterAccountArn": "{{{OrgPrefix}}}account/{{{OrgId}}}/111111111111", "MasterAccountId": "111111111111",
              "MasterAccountEmail": "root@example.com", "AvailablePolicyTypes": [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}]}}
            """),
        Doc(AwsOperations.ListRoots, $$$"""
            {"Roots": [{"Id": "{{{RootId}}}", "Arn": "{{{OrgPrefix}}}root/{{{OrgId}}}/{{{RootId}}}", "Name": "Root",
              "PolicyTypes": [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}]}]}
            """),
        Doc(AwsOperations.ListAccounts, $$$"""
            {"Accounts": [
              {"Id": "111111111111", "Arn": "{{{OrgPrefix}}}account/{{{OrgId}}}/111111111111", "Email": "root@example.com", "Name": "Management", "Status": "ACTIVE", "JoinedMethod": "INVITED", "JoinedTimestamp": "2020-01-01T00:00:00+00:00"},
              {"Id": "222222222222", "Arn": "{{{OrgPrefix}}}account/{{{OrgId}}}/222222222222", "Email": "prod@example.com", "Name": "Prod web", "Status": "ACTIVE", "JoinedMethod": "CREATED", "JoinedTimestamp": "2021-01-01T00:00:00+00:00"},
              {"Id": "333333333333", "Arn": "{{{OrgPrefix}}}account/{{{OrgId}}}/333333333333", "Email": "shared@example.com", "Name": "Shared", "Status": "ACTIVE", "JoinedMethod": "CREATED", "JoinedTimestamp": "2021-01-02T00:00:00+00:00"}]}
            """),
        // The Prod OU's answers come before the answer that describes the Prod OU itself.
        Doc(AwsOperations.ListAccountsForParent, $$$"""
            {"Accounts": [{"Id": "222222222222", "Arn": "{{{OrgPrefix}}}account/{{{OrgId}}}/222222222222", "Email": "prod@example.com", "Name": "Prod web", "Status": "ACTIVE"}]}
            """, resource: ProdOu),
        Doc(AwsOperations.ListOrganizationalUnitsForParent, $$$"""
            {"OrganizationalUnits": [{"Id": "{{{ProdOu}}}", "Arn": "{{{OrgPrefix}}}ou/{{{OrgId}}}/{{{ProdOu}}}", "Name": "Prod"}]}
            """, resource: WorkloadsOu),
        Doc(AwsOperations.ListOrganizationalUnitsForParent, $$$"""
            {"OrganizationalUnits": [{"Id": "{{{WorkloadsOu}}}", "Arn": "{{{OrgPrefix}}}ou/{{{OrgId}}}/{{{WorkloadsOu}}}", "Name": "Workloads"}]}
            """, resource: RootId),
        Doc(AwsOperations.ListOrganizationalUnitsForParent, """{"OrganizationalUnits": []}""", resource: ProdOu),
        Doc(AwsOperations.ListAccountsForParent, $$$"""
            {"Accounts": [
              {"Id": "333333333333", "Arn": "{{{OrgPrefix}}}account/{{{OrgId}}}/333333333333", "Name": "Shared", "Status": "ACTIVE"},
              {"Id": "444444444444", "Arn": "{{{OrgPrefix}}}account/{{{OrgId}}}/444444444444", "Name": "Joined later", "Status": "ACTIVE"}]}
            """, resource: WorkloadsOu),
        Doc(AwsOperations.ListAccountsForParent, $$$"""
            {"Accounts": [{"Id": "111111111111", "Arn": "{{{OrgPrefix}}}account/{{{OrgId}}}/111111111111", "Name": "Management", "Status": "ACTIVE"}]}
            """, resource: RootId),
    ];

    public const string IamPrefix = "arn:aws:iam::111111111111:";

    /// <summary>GetAccountAuthorizationDetails with a user in a group on a path, a role with an instance profile, a customer policy.</summary>
    public static RawDocument[] Iam() =>
    [
        Doc(AwsOperations.GetAccountAuthorizationDetails, $$$"""
            {"UserDetailList": [
               {"Path": "/", "UserName": "alice", "UserId": "AIDAEXAMPLEALICE", "Arn": "{{{IamPrefix}}}user/alice", "CreateDate": "2020-01-01T00:00:00+00:00",
                "UserPolicyList": [{"PolicyName": "inline", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}}],
                "GroupList": ["admins"],
                "AttachedManagedPolicies": [{"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}],
                "Tags": [{"Key": "team", "Value": "security"}]}],
             "GroupDetailList": [
               {"Path": "/ops/", "GroupName": "admins", "GroupId": "AGPAEXAMPLEADMINS", "Arn": "{{{IamPrefix}}}group/ops/admins", "CreateDate": "2020-01-01T00:00:00+00:00",
                "GroupPolicyList": [], "AttachedManagedPolicies": [{"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}]}],
             "RoleDetailList": [
               {"Path": "/", "RoleName": "web", "RoleId": "AROAEXAMPLEWEB", "Arn": "{{{IamPrefix}}}role/web", "CreateDate": "2020-01-01T00:00:00+00:00",
                "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                "InstanceProfileList": [
                  {"Path": "/", "InstanceProfileName": "web-profile", "InstanceProfileId": "AIPAEXAMPLEWEB", "Arn": "{{{IamPrefix}}}instance-profile/web-profile", "CreateDate": "2020-01-01T00:00:00+00:00",
                   "Roles": [{"Path": "/", "RoleName": "web", "RoleId": "AROAEXAMPLEWEB", "Arn": "{{{IamPrefix}}}role/web", "CreateDate": "2020-01-01T00:00:00+00:00"}]}],
                "RolePolicyList": [], "AttachedManagedPolicies": [{"PolicyName": "app-read", "PolicyArn": "{{{IamPrefix}}}policy/app-read"}],
                "Tags": [], "RoleLastUsed": {"LastUsedDate": "2024-01-01T00:00:00+00:00", "Region": "eu-west-1"}}],
             "Policies": [
               {"PolicyName": "app-read", "PolicyId": "ANPAEXAMPLEAPP", "Arn": "{{{IamPrefix}}}policy/app-read", "Path": "/", "DefaultVersionId": "v1",
                "AttachmentCount": 1, "PermissionsBoundaryUsageCount": 0, "IsAttachable": true, "CreateDate": "2020-01-01T00:00:00+00:00", "UpdateDate": "2020-01-01T00:00:00+00:00",
                "PolicyVersionList": [{"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}, "VersionId": "v1", "IsDefaultVersion": true, "CreateDate": "2020-01-01T00:00:00+00:00"}]}]}
            """),
        Doc(AwsOperations.ListUsers, $$$"""
            {"Users": [
              {"Path": "/", "UserName": "alice", "UserId": "AIDAEXAMPLEALICE", "Arn": "{{{IamPrefix}}}user/alice", "CreateDate": "2020-01-01T00:00:00+00:00"},
              {"Path": "/", "UserName": "bob", "UserId": "AIDAEXAMPLEBOB", "Arn": "{{{IamPrefix}}}user/bob", "CreateDate": "2021-01-01T00:00:00+00:00", "PasswordLastUsed": "2024-01-01T00:00:00+00:00"}]}
            """),
        Doc(AwsOperations.ListInstanceProfiles, $$$"""
            {"InstanceProfiles": [
              {"Path": "/", "InstanceProfileName": "web-profile", "InstanceProfileId": "AIPAEXAMPLEWEB", "Arn": "{{{IamPrefix}}}instance-profile/web-profile", "CreateDate": "2020-01-01T00:00:00+00:00",
               "Roles": [{"Path": "/", "RoleName": "web", "RoleId": "AROAEXAMPLEWEB", "Arn": "{{{IamPrefix}}}role/web", "CreateDate": "2020-01-01T00:00:00+00:00"}]}]}
            """),
        Doc(AwsOperations.ListAccessKeys, """
            {"AccessKeyMetadata": [{"UserName": "alice", "AccessKeyId": "AKIAIOSFODNN7EXAMPLE", "Status": "Active", "CreateDate": "2023-01-01T00:00:00+00:00"}]}
            """, resource: "alice"),
    ];

    /// <summary>Five buckets: one configured in eu-central-1, a public one in us-east-1, a legacy "EU" one, one without location, one with only its listed region.</summary>
    public static RawDocument[] S3() =>
    [
        Doc(AwsOperations.ListBuckets, """
            {"Buckets": [
              {"Name": "central-logs", "CreationDate": "2020-01-01T00:00:00+00:00"},
              {"Name": "public-site", "CreationDate": "2020-01-01T00:00:00+00:00"},
              {"Name": "legacy-eu", "CreationDate": "2010-01-01T00:00:00+00:00"},
              {"Name": "no-location", "CreationDate": "2020-01-01T00:00:00+00:00"},
              {"Name": "listed-region", "CreationDate": "2024-01-01T00:00:00+00:00", "BucketRegion": "ap-south-1"}],
             "Owner": {"DisplayName": "owner", "ID": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}}
            """),
        Doc(AwsOperations.GetBucketLocation, """{"LocationConstraint": "eu-central-1"}""", resource: "central-logs"),
        Doc(AwsOperations.GetBucketLocation, """{"LocationConstraint": null}""", resource: "public-site"),
        Doc(AwsOperations.GetBucketLocation, """{"LocationConstraint": "EU"}""", resource: "legacy-eu"),
        Doc(AwsOperations.GetPublicAccessBlock, """
            {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true}}
            """, resource: "central-logs"),
        Doc(AwsOperations.GetBucketAcl, """
            {"Owner": {"DisplayName": "owner", "ID": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
             "Grants": [{"Grantee": {"DisplayName": "owner", "ID": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", "Type": "CanonicalUser"}, "Permission": "FULL_CONTROL"}]}
            """, resource: "central-logs"),
        Doc(AwsOperations.GetBucketEncryption, """
            {"ServerSideEncryptionConfiguration": {"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "arn:aws:kms:eu-central-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"}, "BucketKeyEnabled": true}]}}
            """, resource: "central-logs"),
        Doc(AwsOperations.GetBucketVersioning, """{"Status": "Enabled", "MFADelete": "Disabled"}""", resource: "central-logs"),
        Doc(AwsOperations.GetBucketTagging, """{"TagSet": [{"Key": "Name", "Value": "Central logs"}, {"Key": "env", "Value": "prod"}]}""", resource: "central-logs"),
        Doc(AwsOperations.GetBucketPolicy, """
            {"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Public\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::public-site/*\"}]}"}
            """, resource: "public-site"),
        Doc(AwsOperations.GetBucketPolicyStatus, """{"PolicyStatus": {"IsPublic": true}}""", resource: "public-site"),
    ];

    public const string ElbPrefix = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:";
    public const string LoadBalancerArn = ElbPrefix + "loadbalancer/app/web/50dc6c495c0c9188";
    public const string InstanceGroupArn = ElbPrefix + "targetgroup/web-instances/73e2d6bc24d8a067";
    public const string IpGroupArn = ElbPrefix + "targetgroup/web-ips/09d1c7a1f2b8e3c4";
    public const string HttpsListenerArn = ElbPrefix + "listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
    public const string HttpListenerArn = ElbPrefix + "listener/app/web/50dc6c495c0c9188/0467ef3c8400ae65";

    /// <summary>An internet-facing ALB with an HTTPS listener forwarding to instances, an HTTP redirect, and an IP target group.</summary>
    public static RawDocument[] Elbv2() =>
    [
        Doc(AwsOperations.DescribeLoadBalancers, $$$"""
            {"LoadBalancers": [
              {"LoadBalancerArn": "{{{LoadBalancerArn}}}", "DNSName": "web-1234567890.eu-west-1.elb.amazonaws.com", "CanonicalHostedZoneId": "Z32O12XQLNTSW2",
               "CreatedTime": "2023-01-01T00:00:00+00:00", "LoadBalancerName": "web", "Scheme": "internet-facing", "VpcId": "vpc-0web",
               "State": {"Code": "active"}, "Type": "application",
               "AvailabilityZones": [{"ZoneName": "eu-west-1a", "SubnetId": "subnet-0a", "LoadBalancerAddresses": []}, {"ZoneName": "eu-west-1b", "SubnetId": "subnet-0b", "LoadBalancerAddresses": []}],
               "SecurityGroups": ["sg-0lb"], "IpAddressType": "ipv4"}]}
            """, region: "eu-west-1"),
        Doc(AwsOperations.DescribeListeners, $$$"""
            {"Listeners": [
              {"ListenerArn": "{{{HttpsListenerArn}}}", "LoadBalancerArn": "{{{LoadBalancerArn}}}", "Port": 443, "Protocol": "HTTPS",
               "Certificates": [{"CertificateArn": "arn:aws:acm:eu-west-1:111111111111:certificate/12345678-1234-1234-1234-123456789012"}], "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
               "DefaultActions": [{"Type": "forward", "TargetGroupArn": "{{{InstanceGroupArn}}}",
                 "ForwardConfig": {"TargetGroups": [{"TargetGroupArn": "{{{InstanceGroupArn}}}", "Weight": 90}, {"TargetGroupArn": "{{{IpGroupArn}}}", "Weight": 10}], "TargetGroupStickinessConfig": {"Enabled": false} }}]},
              {"ListenerArn": "{{{HttpListenerArn}}}", "LoadBalancerArn": "{{{LoadBalancerArn}}}", "Port": 80, "Protocol": "HTTP",
               "DefaultActions": [{"Type": "redirect", "Order": 1, "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "Host": "#{host}", "Path": "/#{path}", "Query": "#{query}", "StatusCode": "HTTP_301"}}]}]}
            """, region: "eu-west-1", resource: LoadBalancerArn),
        Doc(AwsOperations.DescribeTargetGroups, $$$"""
            {"TargetGroups": [
              {"TargetGroupArn": "{{{InstanceGroupArn}}}", "TargetGroupName": "web-instances", "Protocol": "HTTP", "Port": 80, "VpcId": "vpc-0web",
               "HealthCheckProtocol": "HTTP", "HealthCheckPort": "traffic-port", "HealthCheckEnabled": true, "HealthCheckPath": "/health", "Matcher": {"HttpCode": "200"},
               "LoadBalancerArns": ["{{{LoadBalancerArn}}}"], "TargetType": "instance", "ProtocolVersion": "HTTP1", "IpAddressType": "ipv4"},
              {"TargetGroupArn": "{{{IpGroupArn}}}", "TargetGroupName": "web-ips", "Protocol": "HTTP", "Port": 80, "VpcId": "vpc-0web",
               "LoadBalancerArns": ["{{{LoadBalancerArn}}}"], "TargetType": "ip", "IpAddressType": "ipv4"}]}
            """, region: "eu-west-1"),
        Doc(AwsOperations.DescribeTargetHealth, """
            {"TargetHealthDescriptions": [
              {"Target": {"Id": "i-0web1", "Port": 80}, "HealthCheckPort": "80", "TargetHealth": {"State": "healthy"}},
              {"Target": {"Id": "i-0web1", "Port": 8080}, "HealthCheckPort": "8080", "TargetHealth": {"State": "healthy"}},
              {"Target": {"Id": "i-0web2", "Port": 80}, "HealthCheckPort": "80", "TargetHealth": {"State": "unhealthy", "Reason": "Target.ResponseCodeMismatch", "Description": "Health checks failed with these codes: [502]"}}]}
            """, region: "eu-west-1", resource: InstanceGroupArn),
        Doc(AwsOperations.DescribeTargetHealth, """
            {"TargetHealthDescriptions": [
              {"Target": {"Id": "10.0.1.15", "Port": 80, "AvailabilityZone": "eu-west-1a"}, "HealthCheckPort": "80", "TargetHealth": {"State": "healthy"}},
              {"Target": {"Id": "192.168.0.9", "Port": 80, "AvailabilityZone": "all"}, "HealthCheckPort": "80", "TargetHealth": {"State": "healthy"}}]}
            """, region: "eu-west-1", resource: IpGroupArn),
        Doc(AwsOperations.DescribeNetworkInterfaces, """
            {"NetworkInterfaces": [
              {"NetworkInterfaceId": "eni-0app", "SubnetId": "subnet-0a", "VpcId": "vpc-0web", "OwnerId": "111111111111", "InterfaceType": "interface", "Status": "in-use",
               "PrivateIpAddress": "10.0.1.15", "PrivateIpAddresses": [{"Primary": true, "PrivateIpAddress": "10.0.1.15"}, {"Primary": false, "PrivateIpAddress": "10.0.1.16"}],
               "Groups": [{"GroupId": "sg-0app", "GroupName": "app"}], "TagSet": []}]}
            """, region: "eu-west-1"),
        Doc(AwsOperations.DescribeTags, $$$"""
            {"TagDescriptions": [
              {"ResourceArn": "{{{LoadBalancerArn}}}", "Tags": [{"Key": "env", "Value": "prod"}]},
              {"ResourceArn": "{{{InstanceGroupArn}}}", "Tags": [{"Key": "Name", "Value": "web pool"}]}]}
            """, region: "eu-west-1"),
    ];

    /// <summary>
    /// A hub transit gateway with a cross-account VPC attachment, a peering to another region, a VPN attachment, a
    /// transit gateway shared in from another account, and a VPC peering requested from another account and region.
    /// </summary>
    public static RawDocument[] TransitNetwork() =>
    [
        Doc(AwsOperations.DescribeVpcs, """
            {"Vpcs": [{"CidrBlock": "10.1.0.0/16", "IsDefault": false, "OwnerId": "111111111111", "State": "available", "VpcId": "vpc-0local", "Tags": [{"Key": "Name", "Value": "hub"}]}]}
            """),
        Doc(AwsOperations.DescribeTransitGateways, """
            {"TransitGateways": [
              {"TransitGatewayId": "tgw-0hub", "TransitGatewayArn": "arn:aws:ec2:us-east-1:111111111111:transit-gateway/tgw-0hub", "State": "available", "OwnerId": "111111111111",
               "Description": "hub", "CreationTime": "2023-01-01T00:00:00+00:00",
               "Options": {"AmazonSideAsn": 64512, "AutoAcceptSharedAttachments": "disable", "DefaultRouteTableAssociation": "enable", "AssociationDefaultRouteTableId": "tgw-rtb-0hub",
                           "DefaultRouteTablePropagation": "enable", "PropagationDefaultRouteTableId": "tgw-rtb-0hub", "VpnEcmpSupport": "enable", "DnsSupport": "enable"},
               "Tags": [{"Key": "Name", "Value": "hub"}]},
              {"TransitGatewayId": "tgw-0shared", "TransitGatewayArn": "arn:aws:ec2:us-east-1:222222222222:transit-gateway/tgw-0shared", "State": "available", "OwnerId": "222222222222",
               "CreationTime": "2023-01-01T00:00:00+00:00", "Options": {"AmazonSideAsn": 64513}, "Tags": []}]}
            """),
        Doc(AwsOperations.DescribeTransitGatewayRouteTables, """
            {"TransitGatewayRouteTables": [{"TransitGatewayRouteTableId": "tgw-rtb-0hub", "TransitGatewayId": "tgw-0hub", "State": "available",
              "DefaultAssociationRouteTable": true, "DefaultPropagationRouteTable": true, "CreationTime": "2023-01-01T00:00:00+00:00", "Tags": []}]}
            """),
        Doc(AwsOperations.DescribeTransitGatewayAttachments, """
            {"TransitGatewayAttachments": [
              {"TransitGatewayAttachmentId": "tgw-attach-0spoke", "TransitGatewayId": "tgw-0hub", "TransitGatewayOwnerId": "111111111111", "ResourceOwnerId": "333333333333",
               "ResourceType": "vpc", "ResourceId": "vpc-0spoke", "State": "available", "Association": {"TransitGatewayRouteTableId": "tgw-rtb-0hub", "State": "associated"},
               "CreationTime": "2023-01-01T00:00:00+00:00", "Tags": []},
              {"TransitGatewayAttachmentId": "tgw-attach-0peer", "TransitGatewayId": "tgw-0hub", "TransitGatewayOwnerId": "111111111111", "ResourceOwnerId": "444444444444",
               "ResourceType": "peering", "ResourceId": "tgw-0far", "State": "available", "CreationTime": "2023-01-01T00:00:00+00:00", "Tags": []},
              {"TransitGatewayAttachmentId": "tgw-attach-0vpn", "TransitGatewayId": "tgw-0hub", "TransitGatewayOwnerId": "111111111111", "ResourceOwnerId": "111111111111",
               "ResourceType": "vpn", "ResourceId": "vpn-0office", "State": "available", "Association": {"TransitGatewayRouteTableId": "tgw-rtb-0hub", "State": "associated"},
               "CreationTime": "2023-01-01T00:00:00+00:00", "Tags": [{"Key": "Name", "Value": "office vpn"}]}]}
            """),
        Doc(AwsOperations.DescribeTransitGatewayVpcAttachments, """
            {"TransitGatewayVpcAttachments": [
              {"TransitGatewayAttachmentId": "tgw-attach-0spoke", "TransitGatewayId": "tgw-0hub", "VpcId": "vpc-0spoke", "VpcOwnerId": "333333333333", "State": "available",
               "SubnetIds": ["subnet-0s1", "subnet-0s2"], "CreationTime": "2023-01-01T00:00:00+00:00",
               "Options": {"DnsSupport": "enable", "Ipv6Support": "disable", "ApplianceModeSupport": "disable"}, "Tags": []}]}
            """),
        Doc(AwsOperations.DescribeTransitGatewayPeeringAttachments, """
            {"TransitGatewayPeeringAttachments": [
              {"TransitGatewayAttachmentId": "tgw-attach-0peer",
               "RequesterTgwInfo": {"TransitGatewayId": "tgw-0hub", "OwnerId": "111111111111", "Region": "us-east-1"},
               "AccepterTgwInfo": {"TransitGatewayId": "tgw-0far", "OwnerId": "444444444444", "Region": "eu-west-1"},
               "Status": {"Code": "available", "Message": "Available"}, "State": "available", "CreationTime": "2023-01-01T00:00:00+00:00", "Tags": []}]}
            """),
        Doc(AwsOperations.DescribeVpcPeeringConnections, """
            {"VpcPeeringConnections": [
              {"AccepterVpcInfo": {"CidrBlock": "10.1.0.0/16", "CidrBlockSet": [{"CidrBlock": "10.1.0.0/16"}], "OwnerId": "111111111111", "VpcId": "vpc-0local", "Region": "us-east-1",
                                   "PeeringOptions": {"AllowDnsResolutionFromRemoteVpc": false}},
               "RequesterVpcInfo": {"CidrBlock": "10.2.0.0/16", "OwnerId": "555555555555", "VpcId": "vpc-0remote", "Region": "us-west-2"},
               "Status": {"Code": "active", "Message": "Active"}, "Tags": [{"Key": "Name", "Value": "to-remote"}], "VpcPeeringConnectionId": "pcx-0remote"}]}
            """),
        Doc(AwsOperations.DescribeRouteTables, """
            {"RouteTables": [
              {"Associations": [{"Main": true, "RouteTableAssociationId": "rtbassoc-0main", "RouteTableId": "rtb-0hub", "AssociationState": {"State": "associated"}}],
               "OwnerId": "111111111111", "PropagatingVgws": [], "RouteTableId": "rtb-0hub", "VpcId": "vpc-0local", "Tags": [],
               "Routes": [
                 {"DestinationCidrBlock": "10.1.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
                 {"DestinationCidrBlock": "10.2.0.0/16", "VpcPeeringConnectionId": "pcx-0remote", "Origin": "CreateRoute", "State": "active"},
                 {"DestinationCidrBlock": "10.0.0.0/8", "TransitGatewayId": "tgw-0hub", "Origin": "CreateRoute", "State": "active"},
                 {"DestinationIpv6CidrBlock": "2600:1f18::/32", "TransitGatewayId": "tgw-0hub", "Origin": "CreateRoute", "State": "active"},
                 {"DestinationCidrBlock": "172.16.0.0/12", "TransitGatewayId": "tgw-0shared", "Origin": "CreateRoute", "State": "active"},
                 {"DestinationCidrBlock": "192.168.0.0/16", "NatGatewayId": "nat-0gone", "Origin": "CreateRoute", "State": "blackhole"}]}]}
            """),
    ];

    public const string DxGatewayId = "5f294f92-bafb-4011-916d-9b0bexample";

    /// <summary>The other EC2 resources in eu-west-1: egress-only gateway, endpoints, addresses, flow logs, prefix lists, volumes, Direct Connect.</summary>
    public static RawDocument[] Ec2Extras() =>
    [
        Doc(AwsOperations.DescribeRegions, """
            {"Regions": [
              {"Endpoint": "ec2.eu-west-1.amazonaws.com", "RegionName": "eu-west-1", "OptInStatus": "opt-in-not-required"},
              {"Endpoint": "ec2.us-east-1.amazonaws.com", "RegionName": "us-east-1", "OptInStatus": "opt-in-not-required"}]}
            """, region: "eu-west-1"),
        Doc(AwsOperations.DescribeEgressOnlyInternetGateways, """
            {"EgressOnlyInternetGateways": [{"Attachments": [{"State": "attached", "VpcId": "vpc-0a"}], "EgressOnlyInternetGatewayId": "eigw-0a", "Tags": []}]}
            """, region: "eu-west-1"),
        Doc(AwsOperations.DescribeVpcEndpoints, """
            {"VpcEndpoints": [
              {"VpcEndpointId": "vpce-0api", "VpcEndpointType": "Interface", "VpcId": "vpc-0a", "ServiceName": "com.amazonaws.eu-west-1.execute-api", "State": "available",
               "PolicyDocument": "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}]}",
               "RouteTableIds": [], "SubnetIds": ["subnet-0a"], "Groups": [{"GroupId": "sg-0api", "GroupName": "api"}], "PrivateDnsEnabled": true, "RequesterManaged": false,
               "NetworkInterfaceIds": ["eni-0vpce"], "DnsEntries": [{"DnsName": "vpce-0api.execute-api.eu-west-1.vpce.amazonaws.com", "HostedZoneId": "ZLY8HYME6SFDD"}],
               "CreationTimestamp": "2023-01-01T00:00:00+00:00", "Tags": [], "OwnerId": "111111111111"},
              {"VpcEndpointId": "vpce-0s3", "VpcEndpointType": "Gateway", "VpcId": "vpc-0a", "ServiceName": "com.amazonaws.eu-west-1.s3", "State": "available",
               "RouteTableIds": ["rtb-0a"], "SubnetIds": [], "Groups": [], "NetworkInterfaceIds": [], "DnsEntries": [], "CreationTimestamp": "2023-01-01T00:00:00+00:00",
               "Tags": [{"Key": "Name", "Value": "s3 gateway"}], "OwnerId": "111111111111"}]}
            """, region: "eu-west-1"),
        Doc(AwsOperations.DescribeAddresses, """
            {"Addresses": [
              {"AllocationId": "eipalloc-0a", "AssociationId": "eipassoc-0a", "Domain": "vpc", "InstanceId": "i-0a", "NetworkInterfaceId": "eni-0a",
               "NetworkInterfaceOwnerId": "111111111111", "PrivateIpAddress": "10.0.0.5", "PublicIp": "203.0.113.10", "PublicIpv4Pool": "amazon", "NetworkBorderGroup": "eu-west-1", "Tags": []},
              {"AllocationId": "eipalloc-0spare", "Domain": "vpc", "PublicIp": "203.0.113.11", "PublicIpv4Pool": "amazon", "NetworkBorderGroup": "eu-west-1"}]}
            """, region: "eu-west-1"),
        Doc(AwsOperations.DescribeFlowLogs, """
            {"FlowLogs": [
              {"CreationTime": "2023-01-01T00:00:00+00:00", "DeliverLogsStatus": "SUCCESS", "FlowLogId": "fl-0vpc", "FlowLogStatus": "ACTIVE", "LogGroupName": "vpc-flow",
               "ResourceId": "vpc-0a", "TrafficType": "ALL", "LogDestinationType": "cloud-watch-logs", "LogDestination": "arn:aws:logs:eu-west-1:111111111111:log-group:vpc-flow",
               "LogFormat": "${version} ${account-id} ${interface-id}", "Tags": [], "MaxAggregationInterval": 600},
              {"FlowLogId": "fl-0eni", "FlowLogStatus": "ACTIVE", "ResourceId": "eni-0a", "TrafficType": "REJECT", "LogDestinationType": "s3", "LogDestination": "arn:aws:s3:::flow-logs"}]}
            """, region: "eu-west-1"),
        Doc(AwsOperations.DescribeManagedPrefixLists, """
            {"PrefixLists": [
              {"PrefixListId": "pl-0corp", "AddressFamily": "IPv4", "State": "create-complete", "PrefixListArn": "arn:aws:ec2:eu-west-1:111111111111:prefix-list/pl-0corp",
               "PrefixListName": "corp", "MaxEntries": 10, "Version": 1, "Tags": [], "OwnerId": "111111111111"},
              {"PrefixListId": "pl-6da54004", "AddressFamily": "IPv4", "State": "create-complete", "PrefixListArn": "arn:aws:ec2:eu-west-1:aws:prefix-list/pl-6da54004",
               "PrefixListName": "com.amazonaws.eu-west-1.s3", "Tags": [], "OwnerId": "AWS"}]}
            """, region: "eu-west-1"),
        Doc(AwsOperations.GetManagedPrefixListEntries, """{"Entries": [{"Cidr": "198.51.100.0/24", "Description": "office"}]}""", region: "eu-west-1", resource: "pl-0corp"),
        Doc(AwsOperations.DescribeInstances, """
            {"Reservations": [{"OwnerId": "111111111111", "ReservationId": "r-0a", "Groups": [], "Instances": [
              {"InstanceId": "i-0a", "SubnetId": "subnet-0a", "VpcId": "vpc-0a", "State": {"Code": 16, "Name": "running"}, "SecurityGroups": [{"GroupId": "sg-0api", "GroupName": "api"}],
               "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"AttachTime": "2023-01-01T00:00:00+00:00", "DeleteOnTermination": true, "Status": "attached", "VolumeId": "vol-0a"}}],
               "NetworkInterfaces": [{"NetworkInterfaceId": "eni-0a", "OwnerId": "111111111111", "SubnetId": "subnet-0a", "VpcId": "vpc-0a"}], "Tags": [{"Key": "Name", "Value": "api-1"}]}]}]}
            """, region: "eu-west-1"),
        Doc(AwsOperations.DescribeVolumes, """
            {"Volumes": [
              {"Attachments": [{"AttachTime": "2023-01-01T00:00:00+00:00", "Device": "/dev/xvda", "InstanceId": "i-0a", "State": "attached", "VolumeId": "vol-0a", "DeleteOnTermination": true}],
               "AvailabilityZone": "eu-west-1a", "CreateTime": "2023-01-01T00:00:00+00:00", "Encrypted": false, "Size": 8, "SnapshotId": "snap-0a", "State": "in-use",
               "VolumeId": "vol-0a", "Iops": 100, "VolumeType": "gp2", "Tags": []},
              {"Attachments": [], "AvailabilityZone": "eu-west-1a", "Encrypted": true, "Size": 100, "State": "available", "VolumeId": "vol-0spare", "VolumeType": "gp3"}]}
            """, region: "eu-west-1"),
        Doc(AwsOperations.DescribeDirectConnectGateways, $$$"""
            {"directConnectGateways": [{"directConnectGatewayId": "{{{DxGatewayId}}}", "directConnectGatewayName": "corp-dx", "amazonSideAsn": 64512,
              "ownerAccount": "111111111111", "directConnectGatewayState": "available"}]}
            """, region: "eu-west-1"),
        Doc(AwsOperations.DescribeDirectConnectGatewayAssociations, $$$"""
            {"directConnectGatewayAssociations": [{"directConnectGatewayId": "{{{DxGatewayId}}}", "directConnectGatewayOwnerAccount": "111111111111",
              "associationState": "associated", "associatedGateway": {"id": "vgw-0a", "type": "virtualPrivateGateway", "ownerAccount": "111111111111", "region": "eu-west-1"},
              "associationId": "6441f8bf-5917-4279-ade1-9708bexample", "allowedPrefixesToDirectConnectGateway": [{"cidr": "10.0.0.0/16"}],
              "virtualGatewayId": "vgw-0a", "virtualGatewayRegion": "eu-west-1", "virtualGatewayOwnerAccount": "111111111111"}]}
            """, region: "eu-west-1"),
    ];

    /// <summary>Every hand-written sample, each list being one group.</summary>
    public static IEnumerable<RawDocument[]> All() => [Organization(), Iam(), S3(), Elbv2(), TransitNetwork(), Ec2Extras()];
}
