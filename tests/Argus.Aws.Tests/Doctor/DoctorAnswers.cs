using System.Globalization;
using Argus.Aws.Tests.Client;

namespace Argus.Aws.Tests.Doctor;

/// <summary>The AWS wire answers the self-check meets, in the shapes of the IAM, STS, EC2 and S3 API references.</summary>
internal static class DoctorAnswers
{
    public const string Account = "123456789012";
    public const string SessionArn = "arn:aws:sts::123456789012:assumed-role/ArgusReadOnly/argus";
    public const string RoleArn = "arn:aws:iam::123456789012:role/ArgusReadOnly";

    /// <summary>Results per SimulatePrincipalPolicy page, smaller than a batch so paging is exercised.</summary>
    public const int SimulationPageSize = 20;

    public static Answer CallerIdentity(string arn = SessionArn) => Answer.Xml($"""
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult>
            <Arn>{arn}</Arn>
            <UserId>AROAEXAMPLEID:argus</UserId>
            <Account>{Account}</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """);

    public static Answer QueryError(string code, int status = 403, string ns = "https://iam.amazonaws.com/doc/2010-05-08/") => Answer.Xml($"""
        <ErrorResponse xmlns="{ns}"><Error><Type>Sender</Type><Code>{code}</Code><Message>not allowed in this test</Message></Error><RequestId>r1</RequestId></ErrorResponse>
        """, status);

    /// <summary>
    /// One page of a SimulatePrincipalPolicy answer for the request's ActionNames, starting at its Marker; each
    /// action's decision comes from <paramref name="decide"/> (decision, allowed by organizations).
    /// </summary>
    public static Answer Simulation(SeenRequest request, Func<string, (string Decision, bool AllowedByOrganizations)> decide)
    {
        var form = request.Form;
        var actions = Enumerable.Range(1, int.MaxValue).Select(i => form.GetValueOrDefault($"ActionNames.member.{i}")).TakeWhile(a => a is not null).Select(a => a!).ToList();
        var start = form.TryGetValue("Marker", out var marker) ? int.Parse(marker, CultureInfo.InvariantCulture) : 0;
        var page = actions.Skip(start).Take(SimulationPageSize).ToList();
        var next = start + page.Count;
        var members = string.Concat(page.Select(a =>
        {
            var (decision, byOrg) = decide(a);
            return $"""
                <member>
                  <MatchedStatements/>
                  <MissingContextValues/>
                  <EvalResourceName>*</EvalResourceName>
                  <EvalDecision>{decision}</EvalDecision>
                  <EvalActionName>{a}</EvalActionName>
                  <OrganizationsDecisionDetail><AllowedByOrganizations>{(byOrg ? "true" : "false")}</AllowedByOrganizations></OrganizationsDecisionDetail>
                </member>
                """;
        }));
        var more = next < actions.Count;
        return Answer.Xml($"""
            <SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <SimulatePrincipalPolicyResult>
                <IsTruncated>{(more ? "true" : "false")}</IsTruncated>
                {(more ? $"<Marker>{next}</Marker>" : "")}
                <EvaluationResults>{members}</EvaluationResults>
              </SimulatePrincipalPolicyResult>
              <ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata>
            </SimulatePrincipalPolicyResponse>
            """);
    }

    public static Answer AccountSummary() => Answer.Xml("""
        <GetAccountSummaryResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetAccountSummaryResult>
            <SummaryMap>
              <entry><key>AccountMFAEnabled</key><value>1</value></entry>
              <entry><key>Users</key><value>27</value></entry>
            </SummaryMap>
          </GetAccountSummaryResult>
          <ResponseMetadata><RequestId>r3</RequestId></ResponseMetadata>
        </GetAccountSummaryResponse>
        """);

    public static Answer Ec2Error(string code) => Answer.Xml(
        $"<Response><Errors><Error><Code>{code}</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>r4</RequestID></Response>", 403);

    public static Answer Buckets() => Answer.Xml("""
        <ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Owner><ID>bcaf1ffd86f461ca5fb16fd081034f</ID></Owner>
          <Buckets><Bucket><Name>logs</Name><CreationDate>2019-12-11T23:32:47+00:00</CreationDate></Bucket></Buckets>
        </ListAllMyBucketsResult>
        """);

    public static Answer LoadBalancers() => Answer.Xml("""
        <DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
          <DescribeLoadBalancersResult><LoadBalancers/></DescribeLoadBalancersResult>
          <ResponseMetadata><RequestId>r5</RequestId></ResponseMetadata>
        </DescribeLoadBalancersResponse>
        """);

    public static Answer JsonError(string code, int status = 400) =>
        Answer.Json($$"""{"__type":"{{code}}","message":"not available in this test"}""", status);
}
