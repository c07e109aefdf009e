using MimeKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Email;
using static Mimo.Grains.Tests.Email.EmailTestData;

namespace Mimo.Grains.Tests.Email;

public sealed class PickupDirectoryTransportTests : IDisposable
{
    private static readonly DateTimeOffset Date = new(2026, 4, 15, 9, 0, 0, TimeSpan.Zero);

    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), $"mimo-outbox-{Guid.NewGuid():N}", "nested");

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_directory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Send_WritesAParseableEmlNamedAfterTheMessageId()
    {
        var email = AnEmail("ap@acme.test");

        var outcome = await Transport().SendAsync(EmailComposer.Compose(email, Date), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, outcome);
        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.Equal($"{email.MessageId}.eml", Path.GetFileName(file));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(email.MessageId, message.MessageId);
        Assert.Equal(email.Text, message.TextBody);
        Assert.Equal(email.Html, message.HtmlBody);
    }

    [Fact]
    public async Task Send_SameEmailTwice_LeavesOneFile()
    {
        var email = AnEmail();
        var transport = Transport();

        await transport.SendAsync(EmailComposer.Compose(email, Date), CancellationToken.None);
        await transport.SendAsync(EmailComposer.Compose(email, Date), CancellationToken.None);

        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Send_FolderCannotBeCreated_IsTransientFailure()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_directory)!);
        await File.WriteAllTextAsync(_directory, "a file where the folder should be");

        var outcome = await Transport().SendAsync(EmailComposer.Compose(AnEmail(), Date), CancellationToken.None);

        Assert.Equal(DeliveryStatus.TransientFailure, outcome.Status);
    }

    [Theory]
    [InlineData("mimo.abc@tenant-1.mimo", "mimo.abc@tenant-1.mimo.eml")]
    [InlineData("../../etc/passwd", "_._.._etc_passwd.eml")]
    [InlineData("a/b\\c:d", "a_b_c_d.eml")]
    public void FileName_KeepsOnlySafeCharacters(string messageId, string expected)
    {
        Assert.Equal(expected, PickupDirectoryTransport.FileName(messageId));
    }

    private PickupDirectoryTransport Transport() =>
        new(
            Options.Create(new SmtpOptions { PickupDirectory = _directory }),
            NullLogger<PickupDirectoryTransport>.Instance);
}
