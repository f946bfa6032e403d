using System.Net;
using System.Net.Sockets;

namespace Argus.Tests;

/// <summary>
/// An HTTP listener on 127.0.0.1 at a free port, handing each request to a handler: the one piece under every
/// local stand-in for a cloud API (tests and the collection benchmark), so none of them reaches the internet.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<HttpListenerContext, Task> handler;
    private readonly bool concurrent;
    private readonly Task loop;

    /// <param name="concurrent">Answer requests in parallel (a load benchmark) rather than one at a time (tests that count requests in order).</param>
    public LoopbackHttpServer(Func<HttpListenerContext, Task> handler, bool concurrent = false)
    {
        this.handler = handler;
        this.concurrent = concurrent;
        Endpoint = new Uri($"http://127.0.0.1:{FreePort()}/");
        listener.Prefixes.Add(Endpoint.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

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
            // the accept loop ends with the listener's disposal
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            if (concurrent)
            {
                _ = Task.Run(() => handler(context));
            }
            else
            {
                await handler(context).ConfigureAwait(false);
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
