namespace Marketplace;

/// <summary>
/// An e-mail a command causes, already written (subject and bodies in the recipient's language) by the caller that
/// knows that language and the site's address. The grain that accepts the command stores it with its state's write.
/// </summary>
/// <param name="Kind">What it is for ("business.invitation"), as the outbox names its rows.</param>
[GenerateSerializer, Immutable, Alias("Marketplace.OutgoingMail")]
public sealed record OutgoingMail(string Kind, string To, string Subject, string Text, string Html);

/// <summary>
/// A grain state whose next write owes these e-mails: the grain storage writes them to the outbox in the same
/// transaction as the state, so an e-mail exists exactly when its change was stored, and the sender (which reads only
/// committed rows) never sends one for a change that was rolled back. The list is never part of the stored state; the
/// grain empties it after the write, stored or not.
/// </summary>
public interface IOwesMail
{
    List<OutgoingMail> Outgoing { get; }
}
