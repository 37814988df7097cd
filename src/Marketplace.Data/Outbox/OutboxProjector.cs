using Orleans.Runtime;

namespace Marketplace.Data.Outbox;

/// <summary>
/// The e-mails a grain state's write owes (<see cref="IOwesMail"/>), added to the outbox inside the write's own
/// transaction, like the read models: committed with the state or rolled back with it.
/// </summary>
public sealed class OutboxProjector(MarketplaceClock clock) : ReadModels.IReadModelProjector
{
    public bool Handles(Type stateType) => typeof(IOwesMail).IsAssignableFrom(stateType);

    public Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken cancellationToken)
    {
        if (state is IOwesMail owes)
            foreach (var mail in owes.Outgoing)
                db.Enqueue(mail.Kind, mail.To, mail.Subject, mail.Text, mail.Html, clock.GetUtcNow());
        return Task.CompletedTask;
    }
}
