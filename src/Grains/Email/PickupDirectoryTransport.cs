using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Mimo.Grains.Interfaces.Email;
using Mimo.Grains.Telemetry;

namespace Mimo.Grains.Email;

/// <summary>
/// Writes each email as <c>&lt;message id&gt;.eml</c> into <see cref="SmtpOptions.PickupDirectory"/>
/// (created when missing), for development, demos and relays that read a folder. A file appears
/// whole or not at all, and the same email written again replaces its file.
/// </summary>
public sealed partial class PickupDirectoryTransport(
    IOptions<SmtpOptions> options,
    ILogger<PickupDirectoryTransport> logger) : IEmailTransport
{
    private readonly string _directory = Path.GetFullPath(options.Value.PickupDirectory);

    /// <summary>The full path of the folder emails are written to.</summary>
    public string Directory => _directory;

    public async Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        using var activity = MimoActivities.StartSend("pickup", message.MessageId);
        var path = Path.Combine(_directory, FileName(message.MessageId));
        var temporary = Path.Combine(_directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(_directory);
            await WriteAsync(message, temporary, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
            LogWritten(logger, message.MessageId, path);
            MimoActivities.Ended(activity, DeliveryStatus.Sent);
            return DeliveryOutcome.Sent;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(logger, exception, message.MessageId, _directory);
            MimoActivities.Ended(activity, DeliveryStatus.TransientFailure);
            return DeliveryOutcome.Transient($"Could not write to the pickup directory: {exception.Message}");
        }
        finally
        {
            DeleteIfLeft(temporary);
        }
    }

    /// <summary>A file name made only of letters, digits and <c>._@-</c>, so an id cannot leave the folder.</summary>
    internal static string FileName(string? messageId)
    {
        var id = string.IsNullOrEmpty(messageId) ? Guid.NewGuid().ToString("N") : messageId;
        var name = new StringBuilder(id.Length + 4);
        foreach (var c in id)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '-' ? c : '_');
        }

        if (name[0] == '.')
        {
            name[0] = '_';
        }

        return name.Append(".eml").ToString();
    }

    private static void DeleteIfLeft(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing was written, or the folder is gone: there is no half file to clean up.
        }
    }

    private static async Task WriteAsync(MimeMessage message, string path, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16_384, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            await message.WriteToAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }
}
