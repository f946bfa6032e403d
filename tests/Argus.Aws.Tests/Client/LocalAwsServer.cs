using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Argus.Aws.Tests.Client;

/// <summary>A request as the local server saw it.</summary>
internal sealed record SeenRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The form fields of a query/ec2 request body.</summary>
    public IReadOnlyDictionary<string, string> Form => Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");
}

/// <summary>A canned answer: status, content type, body and extra headers.</summary>
internal sealed record Answer(int Status, string ContentType, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static Answer Xml(string body, int status = 200) => new(status, "text/xml", body);

    public static Answer Json(string body, int status = 200, string type = "application/x-amz-json-1.1") => new(status, type, body);
}

/// <summary>
/// An HTTP server on 127.0.0.1 answering AWS wire formats from a test's handler, recording every request;
/// stands in for AWS so tests never reach the internet.
/// </summary>
internal sealed class LocalAwsServer : IDisposable
{
    private readonly Func<SeenRequest, Answer> handler;
    private readonly Argus.Tests.LoopbackHttpServer server;

    /// <param name="concurrent">Answer requests in parallel (tests of concurrent collection) rather than one at a time.</param>
    public LocalAwsServer(Func<SeenRequest, Answer> handler, bool concurrent = false)
    {
        this.handler = handler;
        server = new Argus.Tests.LoopbackHttpServer(AnswerAsync, concurrent);
    }

    public Uri Endpoint => server.Endpoint;

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public void Dispose() => server.Dispose();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!);
        var seen = new SeenRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", headers, body);
        Requests.Enqueue(seen);
        Answer answer;
        try
        {
            answer = handler(seen);
        }
        catch (Exception e)
        {
            answer = new Answer(599, "text/plain", "test handler failed: " + e.Message);
        }

        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
