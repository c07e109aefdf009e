using System.Net;
using System.Net.Sockets;
using MimeKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Email;
using Mimo.Testing.Network;
using Mimo.Testing.Smtp;
using static Mimo.Grains.Tests.Email.EmailTestData;

namespace Mimo.Grains.Tests.Email;

public sealed class SmtpTransportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Date = new(2026, 4, 15, 9, 0, 0, TimeSpan.Zero);

    private TestSmtpServer _server = null!;

    public async Task InitializeAsync() => _server = await TestSmtpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_AcceptedEmail_ArrivesWithTextAndHtmlParts()
    {
        using var transport = Transport();
        var email = AnEmail("ap@acme.test");

        var outcome = await transport.SendAsync(EmailComposer.Compose(email, Date), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, outcome);
        var received = await _server.WaitForMessageAsync(1);
        Assert.Equal(["ap@acme.test"], received.EnvelopeRecipients);
        Assert.Equal(email.MessageId, received.Message.MessageId);
        Assert.Equal(email.Text, received.Message.TextBody);
        Assert.Equal(email.Html, received.Message.HtmlBody);
    }

    [Fact]
    public async Task Send_OneOfTwoRecipientsRefused_IsSentWithThatAddressRejected()
    {
        using var transport = Transport();
        _server.RefuseRecipient("gone@acme.test");

        var outcome = await transport.SendAsync(
            EmailComposer.Compose(AnEmail("ap@acme.test", "gone@acme.test"), Date), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, outcome.Status);
        Assert.Equal(["gone@acme.test"], outcome.RejectedAddresses);
        Assert.Equal(["ap@acme.test"], (await _server.WaitForMessageAsync(1)).EnvelopeRecipients);
    }

    [Fact]
    public async Task Send_OnlyRecipientRefused_IsPermanentFailureWithThatAddress()
    {
        using var transport = Transport();
        _server.RefuseRecipient("gone@acme.test");

        var message = EmailComposer.Compose(AnEmail("gone@acme.test"), Date);

        var outcome = await transport.SendAsync(message, CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, outcome.Status);
        Assert.Equal(["gone@acme.test"], outcome.RejectedAddresses);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task Send_ServerAnswers451_IsTransientFailure()
    {
        using var transport = Transport();
        _server.StartTemporaryFailures();

        var outcome = await transport.SendAsync(AnyMessage(), CancellationToken.None);

        Assert.Equal(DeliveryStatus.TransientFailure, outcome.Status);
        Assert.Contains("451", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(outcome.RejectedAddresses);
    }

    [Fact]
    public async Task Send_AfterTemporaryFailuresEnd_IsSent()
    {
        using var transport = Transport();
        _server.StartTemporaryFailures();
        await transport.SendAsync(AnyMessage(), CancellationToken.None);
        _server.StopTemporaryFailures();

        var outcome = await transport.SendAsync(AnyMessage(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, outcome);
    }

    [Fact]
    public async Task Send_DuringAnOutage_IsTransientFailure_AndSentOnceTheServerIsBack()
    {
        using var transport = Transport();
        Assert.Equal(DeliveryOutcome.Sent, await transport.SendAsync(AnyMessage(), default));
        await _server.StopAsync();

        var duringOutage = await transport.SendAsync(AnyMessage(), CancellationToken.None);
        await _server.StartAgainAsync();
        var afterOutage = await transport.SendAsync(AnyMessage(), CancellationToken.None);

        Assert.Equal(DeliveryStatus.TransientFailure, duringOutage.Status);
        Assert.Equal(DeliveryOutcome.Sent, afterOutage);
        Assert.Equal(2, (await _server.WaitForMessagesAsync(2)).Count);
    }

    [Fact]
    public async Task Send_PooledConnectionClosedByTheServer_IsRetriedOnANewConnection()
    {
        using var transport = Transport();
        await transport.SendAsync(AnyMessage(), CancellationToken.None);
        await _server.StopAsync();
        await _server.StartAgainAsync();

        var outcome = await transport.SendAsync(AnyMessage(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, outcome);
        Assert.Equal(2, _server.ConnectionsAccepted);
    }

    [Fact]
    public async Task Send_EveryPooledConnectionClosedByTheServer_IsRetriedOnANewConnection()
    {
        using var transport = Transport(maxConnections: 3);
        var warmUp = Enumerable.Range(0, 6).Select(_ => transport.SendAsync(AnyMessage(), CancellationToken.None));
        await Task.WhenAll(warmUp);
        var before = _server.ConnectionsAccepted;
        await _server.StopAsync();
        await _server.StartAgainAsync();

        var outcome = await transport.SendAsync(AnyMessage(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, outcome);
        Assert.Equal(before + 1, _server.ConnectionsAccepted);
    }

    [Fact]
    public async Task Send_TwentyEmailsAtOnce_UseAtMostMaxConnections()
    {
        using var transport = Transport(maxConnections: 2);
        var emails = Enumerable.Range(0, 20).Select(_ => AnyMessage()).ToList();

        var outcomes = await Task.WhenAll(emails.Select(e => transport.SendAsync(e, CancellationToken.None)));

        Assert.All(outcomes, o => Assert.Equal(DeliveryOutcome.Sent, o));
        Assert.Equal(20, (await _server.WaitForMessagesAsync(20)).Count);
        Assert.InRange(_server.ConnectionsAccepted, 1, 2);
    }

    [Fact]
    public async Task Send_OneAfterAnother_ReusesOneConnection()
    {
        using var transport = Transport();

        for (var i = 0; i < 5; i++)
        {
            await transport.SendAsync(AnyMessage(), CancellationToken.None);
        }

        Assert.Equal(5, (await _server.WaitForMessagesAsync(5)).Count);
        Assert.Equal(1, _server.ConnectionsAccepted);
    }

    [Fact]
    public async Task Send_NothingListening_IsTransientFailure()
    {
        using var transport = Transport(port: FreeTcpPort.Next());

        var outcome = await transport.SendAsync(AnyMessage(), CancellationToken.None);

        Assert.Equal(DeliveryStatus.TransientFailure, outcome.Status);
    }

    [Fact]
    public async Task Send_ServerThatNeverAnswers_TimesOutAsTransientFailure()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var transport = Transport(port: port, timeout: TimeSpan.FromMilliseconds(300));

        var outcome = await transport.SendAsync(AnyMessage(), CancellationToken.None);

        Assert.Equal(DeliveryStatus.TransientFailure, outcome.Status);
    }

    [Fact]
    public async Task Send_CredentialsTheServerCannotUse_FailTransientlyWithoutThePassword()
    {
        using var transport = Transport(userName: "mimo", password: "s3cret-Pa55");

        var outcome = await transport.SendAsync(AnyMessage(), CancellationToken.None);

        Assert.Equal(DeliveryStatus.TransientFailure, outcome.Status);
        Assert.DoesNotContain("s3cret-Pa55", outcome.Reason, StringComparison.Ordinal);
    }

    private static MimeMessage AnyMessage() => EmailComposer.Compose(AnEmail(), Date);

    private SmtpTransport Transport(
        int maxConnections = 4,
        int? port = null,
        TimeSpan? timeout = null,
        string? userName = null,
        string? password = null) =>
        new(
            Options.Create(new SmtpOptions
            {
                Host = _server.Host,
                Port = port ?? _server.Port,
                MaxConnections = maxConnections,
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
                UserName = userName,
                Password = password,
            }),
            AMetrics(),
            NullLogger<SmtpTransport>.Instance);
}
