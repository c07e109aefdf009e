namespace Mimo.Grains.Interfaces.Common;

[GenerateSerializer, Alias("mimo.PaymentMethod")]
public enum PaymentMethod
{
    BankTransfer = 0,
    Card = 1,
    DirectDebit = 2,
    Other = 3,
}

[GenerateSerializer, Alias("mimo.ReminderMode")]
public enum ReminderMode
{
    None = 0,
    Smart = 1,
    Custom = 2,
}

[GenerateSerializer, Alias("mimo.PayerBand")]
public enum PayerBand
{
    Unscored = 0,
    Timely = 1,
    Average = 2,
    Late = 3,
}

[GenerateSerializer, Alias("mimo.InvoiceStatus")]
public enum InvoiceStatus
{
    Open = 0,
    Paid = 1,
    Void = 2,
}

[GenerateSerializer, Alias("mimo.HoldReason")]
public enum HoldReason
{
    Dispute = 0,
    PromiseToPay = 1,
    Other = 2,
}
