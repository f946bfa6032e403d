using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Argus.Aws.Operations;
using Argus.Aws.Tests.Client;

namespace Argus.Aws.Tests.Collection;

/// <summary>
/// A small AWS account behind <see cref="LocalAwsServer"/>: regions eu-west-1 and eu-central-1 enabled, ap-east-1
/// listed as opted in but answering OptInRequired, me-south-1 not opted in; two VPCs, a security group that is
/// throttled once, subnets denied, a load balancer with a listener, two IAM users with keys, a bucket with a
/// policy and one without, no organization; in eu-west-1 a multi-region trail, a customer and an AWS-managed KMS key,
/// an AWS Config recorder, an EFS file system, Security Hub (not enabled elsewhere) and an analyzer; a CloudWatch alarm, an
/// SNS topic with a subscription and an RDS instance in each region. Operations it does not model answer empty, as for an empty account.
/// </summary>
internal sealed partial class FakeAwsAccount(string id = FakeAwsAccount.AccountId)
{
    public const string AccountId = "111122223333";

    private const string Ec2Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private const string S3Ns = "http://s3.amazonaws.com/doc/2006-03-01/";
    private const string TrailArn = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main";
    private const string CustomerKey = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string AwsKey = "0987dcba-09fe-87dc-65ba-ab0987654321";
    private const string LbArn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188";

    private int securityGroupCalls;

    /// <summary>Whether account:GetAlternateContact is denied, as for a role without it; otherwise no contact is set.</summary>
    public bool DenySecurityContact { get; init; }

    /// <summary>Each call the account saw: service, region, operation (and bucket for S3).</summary>
    public ConcurrentQueue<(string Service, string Region, string Operation)> Calls { get; } = new();

    public Answer Handle(SeenRequest request)
    {
        var scope = ScopePattern().Match(request.Headers.GetValueOrDefault("authorization", ""));
        var (region, service) = (scope.Groups[1].Value, scope.Groups[2].Value);
        if (request.Headers.TryGetValue("x-amz-target", out var target))
        {
            // CloudTrail's target prefix holds dots of its own: the operation follows the last one.
            var op = target[(target.LastIndexOf('.') + 1)..];
            Calls.Enqueue((service, region, op));
            return Json(service, region, op, request.Body);
        }

        if (service == "s3" && request.PathAndQuery.StartsWith("/v20180820/", StringComparison.Ordinal))
        {
            // S3 Control: the account travels in a header (and, at AWS, in the host name).
            Calls.Enqueue(("s3control", region, request.Headers.GetValueOrDefault("x-amz-account-id", "")));
            return Answer.Xml($"""
                <GetPublicAccessBlockOutput xmlns="{S3Ns}"><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>
                <BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets></GetPublicAccessBlockOutput>
                """);
        }

        if (service == "s3")
        {
            var (bucket, sub) = S3Target(request.PathAndQuery);
            Calls.Enqueue((service, region, sub + (bucket is null ? "" : "/" + bucket)));
            return S3(region, bucket, sub);
        }

        if (service is "elasticfilesystem" or "securityhub" or "access-analyzer")
        {
            var path = request.PathAndQuery.Split('?')[0];
            Calls.Enqueue((service, region, path));
            return RestJson(service, region, path);
        }

        if (service is "account" or "eks" or "apigateway" or "dlm" or "inspector2" or "appflow" or "imagebuilder")
        {
            // The other rest-json services: EKS and the Account API modelled, the rest answer empty as in an account without them.
            var path = request.PathAndQuery.Split('?')[0];
            Calls.Enqueue((service, region, path));
            return PostureRestJson(service, region, request.Method, path, request.Body);
        }

        var action = request.Form["Action"];
        Calls.Enqueue((service, region, action));
        return service == "ec2" ? Ec2(region, action) : Query(service, action, request.Form);
    }

    private Answer Ec2(string region, string action)
    {
        if (region == "ap-east-1")
        {
            return Ec2Error(401, "OptInRequired", "You are not subscribed to this service.");
        }

        string? body = (region, action) switch
        {
            (_, "DescribeRegions") => """
                <regionInfo>
                  <item><regionName>eu-west-1</regionName><regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>
                  <item><regionName>eu-central-1</regionName><regionEndpoint>ec2.eu-central-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>
                  <item><regionName>ap-east-1</regionName><regionEndpoint>ec2.ap-east-1.amazonaws.com</regionEndpoint><optInStatus>opted-in</optInStatus></item>
                  <item><regionName>me-south-1</regionName><regionEndpoint>ec2.me-south-1.amazonaws.com</regionEndpoint><optInStatus>not-opted-in</optInStatus></item>
                </regionInfo>
                """,
            ("eu-west-1", "DescribeVpcs") => Vpc("vpc-0a1", "10.1.0.0/16"),
            ("eu-central-1", "DescribeVpcs") => Vpc("vpc-0c1", "10.2.0.0/16"),
            (_, "GetEbsEncryptionByDefault") => $"<ebsEncryptionByDefault>{(region == "eu-west-1" ? "true" : "false")}</ebsEncryptionByDefault>",
            ("eu-west-1", "DescribeSubnets") => null,
            ("eu-west-1", "DescribeSecurityGroups") => Interlocked.Increment(ref securityGroupCalls) == 1
                ? null
                : """
                  <securityGroupInfo><item>
                    <ownerId>111122223333</ownerId><groupId>sg-0web</groupId><groupName>web</groupName>
                    <groupDescription>web tier</groupDescription><vpcId>vpc-0a1</vpcId>
                    <ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort>
                      <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissions>
                  </item></securityGroupInfo>
                  """,
            _ => EmptyList("ec2", action),
        };
        return (region, action, body) switch
        {
            ("eu-west-1", "DescribeSubnets", null) => Ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation."),
            ("eu-west-1", "DescribeSecurityGroups", null) => Ec2Error(503, "RequestLimitExceeded", "Request limit exceeded."),
            _ => Answer.Xml($"""<{action}Response xmlns="{Ec2Ns}"><requestId>r</requestId>{body}</{action}Response>"""),
        };
    }

    private static string Vpc(string id, string cidr) =>
        $"<vpcSet><item><vpcId>{id}</vpcId><ownerId>{AccountId}</ownerId><state>available</state><cidrBlock>{cidr}</cidrBlock><isDefault>false</isDefault></item></vpcSet>";

    private static Answer Ec2Error(int status, string code, string message) =>
        Answer.Xml($"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>r</RequestID></Response>", status);

    private Answer Query(string service, string action, IReadOnlyDictionary<string, string> form)
    {
        var result = (service, action) switch
        {
            ("sts", "GetCallerIdentity") => $"<Arn>arn:aws:iam::{id}:user/argus</Arn><UserId>AIDAARGUS</UserId><Account>{id}</Account>",
            ("iam", "ListUsers") => "<IsTruncated>false</IsTruncated><Users>" + User("alice") + User("bob") + "</Users>",
            ("iam", "ListAccessKeys") => $"""
                <IsTruncated>false</IsTruncated><AccessKeyMetadata><member><UserName>{form["UserName"]}</UserName>
                <AccessKeyId>AKIA{form["UserName"].ToUpperInvariant()}</AccessKeyId><Status>Active</Status><CreateDate>2024-01-01T00:00:00Z</CreateDate></member></AccessKeyMetadata>
                """,
            ("iam", "GetCredentialReport") => null,
            ("iam", "GetAccountPasswordPolicy") => null,
            ("elasticloadbalancing", "DescribeLoadBalancers") => $"""
                <LoadBalancers><member><LoadBalancerArn>{LbArn}</LoadBalancerArn><LoadBalancerName>web</LoadBalancerName>
                <DNSName>web-1.eu-west-1.elb.amazonaws.com</DNSName><Scheme>internet-facing</Scheme><VpcId>vpc-0a1</VpcId><Type>application</Type>
                <State><Code>active</Code></State></member></LoadBalancers>
                """,
            ("elasticloadbalancing", "DescribeListeners") => $"""
                <Listeners><member><ListenerArn>{LbArn.Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal)}/f1</ListenerArn>
                <LoadBalancerArn>{form["LoadBalancerArn"]}</LoadBalancerArn><Port>443</Port><Protocol>HTTPS</Protocol></member></Listeners>
                """,
            ("elasticloadbalancing", "DescribeTags") => $"""
                <TagDescriptions><member><ResourceArn>{form["ResourceArns.member.1"]}</ResourceArn><Tags><member><Key>team</Key><Value>web</Value></member></Tags></member></TagDescriptions>
                """,
            ("monitoring", "DescribeAlarms") => """
                <MetricAlarms><member><AlarmName>root-login</AlarmName><MetricName>RootLogin</MetricName><Namespace>CIS</Namespace>
                <StateValue>OK</StateValue><AlarmActions><member>arn:aws:sns:eu-west-1:111122223333:alerts</member></AlarmActions></member></MetricAlarms>
                <CompositeAlarms/>
                """,
            ("sns", "ListTopics") => "<Topics><member><TopicArn>arn:aws:sns:eu-west-1:111122223333:alerts</TopicArn></member></Topics>",
            ("sns", "ListSubscriptions") => """
                <Subscriptions><member><TopicArn>arn:aws:sns:eu-west-1:111122223333:alerts</TopicArn><Protocol>email</Protocol>
                <SubscriptionArn>arn:aws:sns:eu-west-1:111122223333:alerts:0c1f</SubscriptionArn><Owner>111122223333</Owner><Endpoint>ops@example.com</Endpoint></member></Subscriptions>
                """,
            ("rds", "DescribeDBInstances") => """
                <DBInstances><DBInstance><DBInstanceIdentifier>orders</DBInstanceIdentifier><Engine>postgres</Engine>
                <PubliclyAccessible>false</PubliclyAccessible><StorageEncrypted>true</StorageEncrypted></DBInstance></DBInstances>
                """,
            _ => EmptyList(service switch { "elasticloadbalancing" => "elbv2", "monitoring" => "cloudwatch", _ => service }, action),
        };
        return result switch
        {
            null when action == "GetCredentialReport" => QueryError(410, "ReportNotPresent", "State code: ReportNotPresent"),
            null => QueryError(404, "NoSuchEntity", "The Password Policy with domain name 111122223333 cannot be found."),
            _ => Answer.Xml($"<{action}Response><{action}Result>{result}</{action}Result></{action}Response>"),
        };
    }

    private static string User(string name) =>
        $"<member><UserName>{name}</UserName><UserId>AIDA{name.ToUpperInvariant()}</UserId><Arn>arn:aws:iam::{AccountId}:user/{name}</Arn><Path>/</Path><CreateDate>2024-01-01T00:00:00Z</CreateDate></member>";

    private static Answer QueryError(int status, string code, string message) =>
        Answer.Xml($"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>r</RequestId></ErrorResponse>", status);

    private static Answer Json(string service, string region, string operation, string body)
    {
        var request = JsonDocument.Parse(body.Length == 0 ? "{}" : body).RootElement;
        string Param(string name) => request.GetProperty(name).GetString()!;
        return (service, operation) switch
        {
            ("organizations", "DescribeOrganization") => Answer.Json("""{"__type":"AWSOrganizationsNotInUseException","Message":"Your account is not a member of an organization."}""", 400),

            // One multi-region trail homed in eu-west-1, listed everywhere as AWS lists shadow trails.
            ("cloudtrail", "DescribeTrails") => Answer.Json($$"""
                {"trailList":[{"Name":"main","S3BucketName":"logs-111122223333","IsMultiRegionTrail":true,"HomeRegion":"eu-west-1",
                "TrailARN":"{{TrailArn}}","LogFileValidationEnabled":true,"IsOrganizationTrail":false}]}
                """),
            ("cloudtrail", "GetTrailStatus") when Param("Name") == TrailArn => Answer.Json("""{"IsLogging":true,"LatestDeliveryTime":1.7e9}"""),
            ("cloudtrail", "GetEventSelectors") when Param("TrailName") == TrailArn => Answer.Json($$"""
                {"TrailARN":"{{TrailArn}}","EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[],"ExcludeManagementEventSources":[]}]}
                """),
            ("cloudtrail", _) => Answer.Json("""{"__type":"TrailNotFoundException","Message":"Unknown trail"}""", 400),

            // eu-west-1 holds a customer key and the AWS-managed S3 key; only the first has a rotation status to read.
            ("kms", "ListKeys") when region == "eu-west-1" => Answer.Json($$"""
                {"Keys":[{"KeyId":"{{CustomerKey}}","KeyArn":"{{KeyArn(CustomerKey)}}"},{"KeyId":"{{AwsKey}}","KeyArn":"{{KeyArn(AwsKey)}}"}],"Truncated":false}
                """),
            ("kms", "DescribeKey") when Param("KeyId") is CustomerKey or AwsKey => Answer.Json($$$"""
                {"KeyMetadata":{"AWSAccountId":"{{{AccountId}}}","KeyId":"{{{Param("KeyId")}}}","Arn":"{{{KeyArn(Param("KeyId"))}}}","Enabled":true,
                "KeyUsage":"ENCRYPT_DECRYPT","KeyState":"Enabled","Origin":"AWS_KMS","KeySpec":"SYMMETRIC_DEFAULT",
                "KeyManager":"{{{(Param("KeyId") == CustomerKey ? "CUSTOMER" : "AWS")}}}"}}
                """),
            ("kms", "GetKeyRotationStatus") when Param("KeyId") == CustomerKey => Answer.Json("""{"KeyRotationEnabled":true}"""),
            ("kms", "GetKeyPolicy") when Param("KeyId") is CustomerKey or AwsKey && Param("PolicyName") == "default" => Answer.Json(
                $$$"""{"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::{{{AccountId}}}:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}","PolicyName":"default"}"""),
            ("kms", "ListKeys") => Answer.Json("""{"Keys":[],"Truncated":false}"""),
            ("kms", _) => Answer.Json("""{"__type":"NotFoundException","Message":"Invalid keyId"}""", 400),

            ("monitoring", "DescribeAlarms") => Answer.Json("""
                {"MetricAlarms":[{"AlarmName":"root-login","MetricName":"RootLogin","Namespace":"CIS","StateValue":"OK",
                "AlarmActions":["arn:aws:sns:eu-west-1:111122223333:alerts"],"StateUpdatedTimestamp":1.7e9}],"CompositeAlarms":[]}
                """, type: "application/x-amz-json-1.0"),

            // One regional web ACL in eu-west-1 protecting a load balancer and an API stage; each type is asked for apart.
            ("wafv2", "ListWebACLs") when region == "eu-west-1" && Param("Scope") == "REGIONAL" => Answer.Json($$"""
                {"NextMarker":"m","WebACLs":[{"Name":"edge","Id":"a1","ARN":"{{WebAclArn}}","LockToken":"t"}]}
                """),
            ("wafv2", "ListResourcesForWebACL") when Param("WebACLArn") == WebAclArn => Answer.Json(Param("ResourceType") switch
            {
                "APPLICATION_LOAD_BALANCER" => $$"""{"ResourceArns":["{{LbArn}}"]}""",
                "API_GATEWAY" => """{"ResourceArns":["arn:aws:apigateway:eu-west-1::/restapis/r1/stages/prod"]}""",
                _ => """{"ResourceArns":[]}""",
            }),

            // One network firewall in eu-west-1 whose policy references one stateless and one stateful rule group.
            ("network-firewall", "ListFirewalls") when region == "eu-west-1" => Answer.Json($$"""
                {"Firewalls":[{"FirewallName":"inspection","FirewallArn":"{{FirewallArn}}"}]}
                """),
            ("network-firewall", "DescribeFirewall") when Param("FirewallArn") == FirewallArn => Answer.Json($$"""
                {"UpdateToken":"t","Firewall":{"FirewallName":"inspection","FirewallArn":"{{FirewallArn}}","FirewallPolicyArn":"{{FirewallPolicyArn}}","VpcId":"vpc-0a1",
                "SubnetMappings":[{"SubnetId":"subnet-0f1"}],"FirewallId":"f1"},"FirewallStatus":{"Status":"READY","ConfigurationSyncStateSummary":"IN_SYNC",
                "SyncStates":{"eu-west-1a":{"Attachment":{"SubnetId":"subnet-0f1","EndpointId":"vpce-0f1","Status":"READY"} } } } }
                """),
            ("network-firewall", "DescribeFirewallPolicy") when Param("FirewallPolicyArn") == FirewallPolicyArn => Answer.Json($$"""
                {"UpdateToken":"t","FirewallPolicyResponse":{"FirewallPolicyName":"inspection","FirewallPolicyArn":"{{FirewallPolicyArn}}","FirewallPolicyId":"p1"},
                "FirewallPolicy":{"StatelessRuleGroupReferences":[{"ResourceArn":"{{RuleGroupArn("stateless")}}","Priority":10}],"StatelessDefaultActions":["aws:forward_to_sfe"],
                "StatelessFragmentDefaultActions":["aws:forward_to_sfe"],"StatefulRuleGroupReferences":[{"ResourceArn":"{{RuleGroupArn("stateful")}}"}]} }
                """),
            ("network-firewall", "DescribeRuleGroup") when Param("RuleGroupArn").StartsWith(RuleGroupArn(""), StringComparison.Ordinal) => Answer.Json($$"""
                {"UpdateToken":"t","RuleGroup":{"RulesSource":{ } },"RuleGroupResponse":{"RuleGroupArn":"{{Param("RuleGroupArn")}}","RuleGroupName":"g","RuleGroupId":"g1"} }
                """),

            // One repository with a policy and no lifecycle policy.
            ("ecr", "DescribeRepositories") when region == "eu-west-1" => Answer.Json("""
                {"repositories":[{"repositoryArn":"arn:aws:ecr:eu-west-1:111122223333:repository/web","registryId":"111122223333","repositoryName":"web",
                "createdAt":1.7e9,"imageTagMutability":"MUTABLE","imageScanningConfiguration":{"scanOnPush":false},"encryptionConfiguration":{"encryptionType":"AES256"}}]}
                """),
            ("ecr", "GetRepositoryPolicy") when Param("repositoryName") == "web" => Answer.Json("""
                {"registryId":"111122223333","repositoryName":"web","policyText":"{\"Version\":\"2012-10-17\",\"Statement\":[]}"}
                """),
            ("ecr", "GetLifecyclePolicy") => Answer.Json("""{"__type":"LifecyclePolicyNotFoundException","message":"no lifecycle policy"}""", 400),

            ("config", "DescribeConfigurationRecorders") when region == "eu-west-1" => Answer.Json($$$"""
                {"ConfigurationRecorders":[{"name":"default","roleARN":"arn:aws:iam::{{{AccountId}}}:role/config","recordingGroup":{"allSupported":true,"includeGlobalResourceTypes":true}}]}
                """),
            ("config", "DescribeConfigurationRecorderStatus") when region == "eu-west-1" => Answer.Json(
                """{"ConfigurationRecordersStatus":[{"name":"default","recording":true,"lastStatus":"SUCCESS"}]}"""),
            ("config", "DescribeDeliveryChannels") when region == "eu-west-1" => Answer.Json(
                """{"DeliveryChannels":[{"name":"default","s3BucketName":"logs-111122223333"}]}"""),
            _ => Answer.Json(AwsOperations.Find(service, operation)?.ItemKey is { } key ? $$"""{"{{key}}":[]}""" : "{}"),
        };
    }

    /// <summary>The rest-json services, told apart by path: EFS file systems, Security Hub (enabled in eu-west-1 only), Access Analyzer.</summary>
    private static Answer RestJson(string service, string region, string path) => (service, path, region) switch
    {
        ("elasticfilesystem", "/2015-02-01/file-systems", "eu-west-1") => Answer.Json(
            """{"FileSystems":[{"FileSystemId":"fs-0a1","OwnerId":"111122223333","LifeCycleState":"available","Encrypted":false,"NumberOfMountTargets":2}]}""",
            type: "application/json"),
        ("elasticfilesystem", "/2015-02-01/file-systems", _) => Answer.Json("""{"FileSystems":[]}""", type: "application/json"),
        ("securityhub", "/accounts", "eu-west-1") => Answer.Json(
            """{"HubArn":"arn:aws:securityhub:eu-west-1:111122223333:hub/default","SubscribedAt":"2024-01-01T00:00:00.000Z","AutoEnableControls":true}""",
            type: "application/json"),
        ("securityhub", "/accounts", _) => new Answer(400, "application/json",
            """{"Code":"InvalidAccessException","Message":"Account 111122223333 is not subscribed to AWS Security Hub"}""",
            new Dictionary<string, string> { ["x-amzn-ErrorType"] = "InvalidAccessException:http://internal.amazon.com/coral/com.amazonaws.securityhub/" }),
        ("access-analyzer", "/analyzer", "eu-west-1") => Answer.Json(
            """{"analyzers":[{"arn":"arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/account","name":"account","type":"ACCOUNT","status":"ACTIVE","createdAt":"2024-01-01T00:00:00Z"}]}""",
            type: "application/json"),
        ("access-analyzer", "/analyzer", _) => Answer.Json("""{"analyzers":[]}""", type: "application/json"),
        _ => new Answer(404, "application/json", $$"""{"message":"unexpected {{service}} request {{path}}"}"""),
    };

    /// <summary>
    /// EKS (one cluster in eu-west-1, described by name from its path) and the Account API (no security contact, or
    /// the call denied); other rest-json services answer empty.
    /// </summary>
    private Answer PostureRestJson(string service, string region, string method, string path, string body) => (service, path, region) switch
    {
        ("eks", "/clusters", "eu-west-1") => Answer.Json("""{"clusters":["prod"]}""", type: "application/json"),
        ("eks", "/clusters", _) => Answer.Json("""{"clusters":[]}""", type: "application/json"),
        ("eks", "/clusters/prod", _) => Answer.Json("""
            {"cluster":{"name":"prod","arn":"arn:aws:eks:eu-west-1:111122223333:cluster/prod","version":"1.31","createdAt":1.7e9,
            "resourcesVpcConfig":{"subnetIds":["subnet-0a1"],"endpointPublicAccess":true,"endpointPrivateAccess":false,"publicAccessCidrs":["0.0.0.0/0"]}}}
            """, type: "application/json"),
        ("dlm", "/policies", "eu-west-1") => Answer.Json("""
            {"Policies":[{"PolicyId":"policy-0a1","Description":"daily","State":"ENABLED","Tags":{},"PolicyType":"EBS_SNAPSHOT_MANAGEMENT","DefaultPolicy":false}]}
            """, type: "application/json"),
        ("dlm", "/policies/policy-0a1", _) => Answer.Json("""
            {"Policy":{"PolicyId":"policy-0a1","Description":"daily","State":"ENABLED","ExecutionRoleArn":"arn:aws:iam::111122223333:role/AWSDataLifecycleManagerDefaultRole",
            "DateCreated":1.7e9,"DateModified":1.7e9,"PolicyDetails":{"PolicyType":"EBS_SNAPSHOT_MANAGEMENT","ResourceTypes":["VOLUME"],"TargetTags":[{"Key":"backup","Value":"daily"}],
            "Schedules":[{"Name":"daily","CreateRule":{"Interval":24,"IntervalUnit":"HOURS"},"RetainRule":{"Count":7}}]},"DefaultPolicy":false}}
            """, type: "application/json"),
        ("appflow", "/list-flows", "eu-west-1") => Answer.Json("""
            {"flows":[{"flowArn":"arn:aws:appflow:eu-west-1:111122223333:flow/crm","flowName":"crm","flowStatus":"Active","sourceConnectorType":"Salesforce","destinationConnectorType":"S3","createdAt":1.7e9}]}
            """, type: "application/json"),
        ("appflow", "/describe-flow", _) when body.Contains("\"crm\"", StringComparison.Ordinal) => Answer.Json("""
            {"flowArn":"arn:aws:appflow:eu-west-1:111122223333:flow/crm","flowName":"crm","kmsArn":"arn:aws:kms:eu-west-1:111122223333:key/k1","flowStatus":"Active","createdAt":1.7e9}
            """, type: "application/json"),
        ("account", "/getAlternateContact", _) when !DenySecurityContact => new Answer(404, "application/json",
            """{"message":"No contact of the inputted alternate contact type found."}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ResourceNotFoundException" }),
        ("account", "/getAlternateContact", _) when method == "POST" && body.Contains("SECURITY", StringComparison.Ordinal) => new Answer(403, "application/json",
            """{"message":"User is not authorized to perform account:GetAlternateContact"}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "AccessDeniedException" }),
        _ => Answer.Json("{}", type: "application/json"),
    };

    private const string FirewallArn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall/inspection";
    private const string FirewallPolicyArn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/inspection";

    private static string RuleGroupArn(string type) => $"arn:aws:network-firewall:eu-west-1:111122223333:{type}";

    private const string WebAclArn = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/edge/a1";

    private static string KeyArn(string key) => $"arn:aws:kms:eu-west-1:{AccountId}:key/{key}";

    /// <summary>The empty list element AWS sends when there is nothing to list (EC2's are named differently).</summary>
    private static string EmptyList(string service, string operation)
    {
        if (AwsOperations.Find(service, operation)?.ItemKey is not { } key)
        {
            return "";
        }

        if (service != "ec2")
        {
            return $"<{key}/>";
        }

        var element = key switch
        {
            "Regions" or "SecurityGroups" or "AvailabilityZones" => char.ToLowerInvariant(key[0]) + key[1..^1] + "Info",
            "Addresses" => "addressesSet",
            "PrefixLists" => "prefixListSet",
            "Entries" => "entrySet",
            _ when key.StartsWith("TransitGateway", StringComparison.Ordinal) && key != "TransitGateways" => char.ToLowerInvariant(key[0]) + key[1..],
            _ => char.ToLowerInvariant(key[0]) + key[1..^1] + "Set",
        };
        return $"<{element}/>";
    }

    private static (string? Bucket, string Sub) S3Target(string pathAndQuery)
    {
        var parts = pathAndQuery.Split('?', 2);
        var bucket = parts[0].Trim('/');
        var sub = parts.Length > 1 ? parts[1].Split('&')[0].Split('=')[0] : "";
        return (bucket.Length == 0 ? null : bucket, bucket.Length == 0 ? "ListBuckets" : sub);
    }

    private static Answer S3(string region, string? bucket, string sub)
    {
        // Each bucket answers only in its own region, as S3 does (with a redirect, here simply an error).
        var home = bucket == "logs-111122223333" ? "eu-west-1" : "us-east-1";
        if (bucket is not null && sub != "location" && region != home)
        {
            return S3Error(301, "PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint.");
        }

        return (bucket, sub) switch
        {
            (null, _) => Answer.Xml($"""
                <ListAllMyBucketsResult xmlns="{S3Ns}"><Owner><ID>owner</ID></Owner><Buckets>
                <Bucket><Name>logs-111122223333</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>
                <Bucket><Name>site-111122223333</Name><CreationDate>2024-02-01T00:00:00.000Z</CreationDate></Bucket>
                </Buckets></ListAllMyBucketsResult>
                """),
            (_, "location") => Answer.Xml(home == "us-east-1"
                ? $"""<LocationConstraint xmlns="{S3Ns}"/>"""
                : $"""<LocationConstraint xmlns="{S3Ns}">{home}</LocationConstraint>"""),
            ("logs-111122223333", "policy") => Answer.Json(
                """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::logs-111122223333/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""",
                type: "application/json"),
            (_, "policy" or "policyStatus") => S3Error(404, "NoSuchBucketPolicy", "The bucket policy does not exist"),
            (_, "publicAccessBlock") => S3Error(404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found"),
            (_, "encryption") => S3Error(404, "ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found"),
            (_, "tagging") => S3Error(404, "NoSuchTagSet", "The TagSet does not exist"),
            ("site-111122223333", "logging") => Answer.Xml($"""
                <BucketLoggingStatus xmlns="{S3Ns}"><LoggingEnabled><TargetBucket>logs-111122223333</TargetBucket><TargetPrefix>site/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>
                """),
            (_, "logging") => Answer.Xml($"""<BucketLoggingStatus xmlns="{S3Ns}"/>"""),
            (_, "versioning") => Answer.Xml($"""<VersioningConfiguration xmlns="{S3Ns}"><Status>Enabled</Status></VersioningConfiguration>"""),
            (_, "acl") => Answer.Xml($"""
                <AccessControlPolicy xmlns="{S3Ns}"><Owner><ID>owner</ID></Owner><AccessControlList>
                <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>owner</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>
                </AccessControlList></AccessControlPolicy>
                """),
            _ => S3Error(400, "InvalidRequest", "unexpected S3 request " + sub),
        };
    }

    private static Answer S3Error(int status, string code, string message) =>
        Answer.Xml($"<Error><Code>{code}</Code><Message>{message}</Message><RequestId>r</RequestId></Error>", status);

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request")]
    private static partial Regex ScopePattern();
}
