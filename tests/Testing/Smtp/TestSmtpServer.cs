using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using Mimo.Testing.Network;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Mimo.Testing.Smtp;

/// <summary>
/// An in-process SMTP server on a free loopback port that keeps every message it accepts. Tests
/// can make it refuse recipients (550), answer 451 to every transaction for a while, and stop and
/// start it again on the same port (an outage). Started with <c>keepMessages: false</c> it keeps
/// only how often each Message-ID arrived, so that a long run does not hold every message in memory.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    /// <summary>How long waits for messages last unless a test says otherwise.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<ReceivedEmail> _received = [];
    private readonly List<(Func<List<ReceivedEmail>, bool> Done, TaskCompletionSource Reached)> _waiters = [];
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _messageIds = new(StringComparer.Ordinal);
    private readonly bool _keepMessages;
    private CancellationTokenSource? _running;
    private Task? _serving;
    private int _connections;
    private volatile bool _failTemporarily;

    private TestSmtpServer(int port, bool keepMessages)
    {
        Port = port;
        _keepMessages = keepMessages;
    }

    public string Host => IPAddress.Loopback.ToString();

    public int Port { get; }

    /// <summary>How many connections the server has accepted since it was created.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _connections);

    /// <summary>How many times each Message-ID arrived so far, whether or not the messages are kept.</summary>
    public IReadOnlyDictionary<string, int> MessageIds
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_messageIds, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The messages accepted so far, in the order they arrived (none when they are not kept).</summary>
    public IReadOnlyList<ReceivedEmail> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<TestSmtpServer> StartAsync(bool keepMessages = true)
    {
        var server = new TestSmtpServer(FreeTcpPort.Next(), keepMessages);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>From now on, RCPT TO <paramref name="address"/> is answered with 550.</summary>
    public void RefuseRecipient(string address) => _refused[address] = true;

    /// <summary>Answers 451 to every MAIL FROM until <see cref="StopTemporaryFailures"/>.</summary>
    public void StartTemporaryFailures() => _failTemporarily = true;

    public void StopTemporaryFailures() => _failTemporarily = false;

    /// <summary>Waits until at least <paramref name="count"/> messages arrived and returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(received => received.Count >= count, timeout);
        return Messages;
    }

    /// <summary>
    /// Waits for the first message that <paramref name="match"/> accepts and returns it, so that
    /// tests sharing one server each wait for their own email.
    /// </summary>
    public async Task<ReceivedEmail> WaitForMessageAsync(Func<ReceivedEmail, bool> match, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(received => received.Exists(m => match(m)), timeout);
        return Messages.First(match);
    }

    /// <summary>Waits for the <paramref name="number"/>th message (1 for the first) and returns it.</summary>
    public async Task<ReceivedEmail> WaitForMessageAsync(int number, TimeSpan? timeout = null) =>
        (await WaitForMessagesAsync(number, timeout))[number - 1];

    /// <summary>Stops listening and drops every open connection, like a server going down.</summary>
    public async Task StopAsync()
    {
        if (_running is null || _serving is null)
        {
            return;
        }

        await _running.CancelAsync();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
            // The server ends its sessions by cancelling them.
        }

        _running.Dispose();
        _running = null;
        _serving = null;
    }

    /// <summary>Starts listening (again) on the same port; returns once connections are accepted.</summary>
    public async Task StartAgainAsync()
    {
        if (_running is not null)
        {
            throw new InvalidOperationException("The test SMTP server is already running.");
        }

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => listening.TrySetResult();

        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new Filter(this));
        services.Add(new Store(this));

        var server = new SmtpServer.SmtpServer(Options(), services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _connections);
        _running = new CancellationTokenSource();
        _serving = server.StartAsync(_running.Token);
        await Task.WhenAny(listening.Task, _serving).Unwrap();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private ISmtpServerOptions Options() =>
        new SmtpServerOptionsBuilder()
            .ServerName("mimo-test-smtp")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();

    private async Task WaitUntilAsync(Func<List<ReceivedEmail>, bool> done, TimeSpan? timeout)
    {
        TaskCompletionSource reached;
        lock (_gate)
        {
            if (done(_received))
            {
                return;
            }

            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((done, reached));
        }

        await reached.Task.WaitAsync(timeout ?? DefaultWait);
    }

    private void Receive(ReceivedEmail email)
    {
        lock (_gate)
        {
            var messageId = email.Message.MessageId ?? "";
            _messageIds[messageId] = _messageIds.GetValueOrDefault(messageId) + 1;
            if (!_keepMessages)
            {
                return;
            }

            _received.Add(email);
            foreach (var waiter in _waiters.Where(w => w.Done(_received)).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class Filter(TestSmtpServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken ct)
        {
            if (server._failTemporarily)
            {
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 Try again later"));
            }

            return Task.FromResult(true);
        }

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken ct)
        {
            if (server._refused.ContainsKey(to.AsAddress()))
            {
                throw new SmtpResponseException(
                    new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 No such user"));
            }

            return Task.FromResult(true);
        }
    }

    private sealed class Store(TestSmtpServer server) : IMessageStore
    {
        public Task<SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            var recipients = transaction.To.Select(m => m.AsAddress()).ToList();
            server.Receive(new ReceivedEmail(message, transaction.From.AsAddress(), recipients));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
