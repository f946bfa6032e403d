using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
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
    private readonly HttpListener listener = new();
    private readonly Func<SeenRequest, Answer> handler;
    private readonly Task loop;

    public LocalAwsServer(Func<SeenRequest, Answer> handler)
    {
        this.handler = handler;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Endpoint.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the loop ends with the listener's disposal exception
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

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

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
