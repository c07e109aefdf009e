using System.Diagnostics;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Mimo.Grains.Interfaces.Email;
using Mimo.Grains.Telemetry;

namespace Mimo.Grains.Email;

/// <summary>
/// Sends emails to the SMTP server of <see cref="SmtpOptions"/> over a pool of at most
/// <see cref="SmtpOptions.MaxConnections"/> connections, reused across emails.
/// </summary>
/// <remarks>
/// A connection that broke is dropped; when it broke before the server could have accepted the
/// message (a pooled connection the server had closed, say), the email is tried once more on a
/// new connection. Recipients refused with a 5xx answer are reported in
/// <see cref="DeliveryOutcome.RejectedAddresses"/> while the others still get the email.
/// </remarks>
public sealed partial class SmtpTransport : IEmailTransport, IDisposable
{
    private readonly SmtpOptions _options;
    private readonly string _host;
    private readonly MimoMetrics _metrics;
    private readonly ILogger<SmtpTransport> _logger;
    private readonly SmtpConnectionPool _pool;

    public SmtpTransport(IOptions<SmtpOptions> options, MimoMetrics metrics, ILogger<SmtpTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);

        _options = options.Value;
        _host = _options.UsesServer
            ? _options.Host!
            : throw new ArgumentException("Smtp:Host is not set.", nameof(options));
        _metrics = metrics;
        _logger = logger;
        _pool = new SmtpConnectionPool(_options.MaxConnections);
    }

    public async Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        using var activity = MimoActivities.StartSend("smtp", message.MessageId, _host, _options.Port);
        var started = Stopwatch.GetTimestamp();
        var attempt = await AttemptAsync(message, fresh: false, cancellationToken).ConfigureAwait(false);
        if (attempt.WorthAnotherConnection)
        {
            LogRetryingOnNewConnection(_logger, message.MessageId, attempt.Outcome.Reason);
            attempt = await AttemptAsync(message, fresh: true, cancellationToken).ConfigureAwait(false);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        _metrics.SmtpAttempted(elapsed, attempt.Outcome.Status);
        MimoActivities.Ended(activity, attempt.Outcome.Status);
        Log(message, attempt.Outcome, elapsed);
        return attempt.Outcome;
    }

    public void Dispose() => _pool.Dispose();

    private async Task<Attempt> AttemptAsync(MimeMessage message, bool fresh, CancellationToken cancellationToken)
    {
        var client = await _pool.RentAsync(fresh, cancellationToken).ConfigureAwait(false);
        var reused = client.IsConnected;
        try
        {
            await EnsureConnectedAsync(client, cancellationToken).ConfigureAwait(false);
            client.BeginMessage();
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var outcome = client.Refused.Count == 0
                ? DeliveryOutcome.Sent
                : new DeliveryOutcome(DeliveryStatus.Sent, RefusedReason(client.RefusalDetails), [.. client.Refused]);
            _pool.Return(client);
            return new Attempt(outcome, WorthAnotherConnection: false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _pool.Discard(client);
            var outcome = SmtpFailure.Classify(exception, [.. client.Refused], _options.Timeout);
            var retry = reused && !client.SenderAccepted && SmtpFailure.IsBrokenConnection(exception);
            return new Attempt(outcome, retry);
        }
        catch
        {
            _pool.Discard(client);
            throw;
        }
    }

    private async Task EnsureConnectedAsync(RecordingSmtpClient client, CancellationToken cancellationToken)
    {
        if (client.IsConnected)
        {
            return;
        }

        client.Timeout = (int)_options.Timeout.TotalMilliseconds;
        await client.ConnectAsync(_host, _options.Port, SocketOptions(_options.Security), cancellationToken)
            .ConfigureAwait(false);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken)
                .ConfigureAwait(false);
        }

        LogConnected(_logger, _host, _options.Port, client.IsSecure);
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static string RefusedReason(string details) => $"The SMTP server refused {details}.";

    private void Log(MimeMessage message, DeliveryOutcome outcome, TimeSpan elapsed)
    {
        switch (outcome.Status)
        {
            case DeliveryStatus.Sent when outcome.RejectedAddresses.Count > 0:
                LogSentWithRefusals(_logger, message.MessageId, outcome.RejectedAddresses.Count);
                break;
            case DeliveryStatus.Sent:
                LogSent(_logger, message.MessageId, elapsed.TotalMilliseconds);
                break;
            case DeliveryStatus.PermanentFailure:
                LogPermanentFailure(_logger, message.MessageId, outcome.Reason);
                break;
            default:
                LogTransientFailure(_logger, message.MessageId, outcome.Reason);
                break;
        }
    }

    private sealed record Attempt(DeliveryOutcome Outcome, bool WorthAnotherConnection);
}
