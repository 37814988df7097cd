namespace Marketplace.Server.Realtime;

/// <summary>
/// Runs the live sends of one topic one after another, in the order they were asked, on the thread pool. A grain hands
/// its change's delivery over and ends its turn, so its next command does not wait for a fan-out to a thousand
/// watchers, and the watchers still hear the topic's changes in the order they were stored.
/// </summary>
internal sealed class OrderedSends
{
    readonly Lock gate = new();
    readonly Dictionary<Guid, Task> tails = [];

    /// <summary>Queues <paramref name="send"/> after the topic's earlier sends; returns at once.</summary>
    public Task After(Guid topic, Func<Task> send)
    {
        lock (gate)
        {
            var previous = tails.GetValueOrDefault(topic) ?? Task.CompletedTask;
            // Task.Run leaves the caller's scheduler (a grain's): the send never runs inside, or waits for, a grain's turn.
            var next = Task.Run(async () =>
            {
                await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                await send();
            });
            tails[topic] = next;
            _ = next.ContinueWith(done => Forget(topic, done), TaskScheduler.Default);
        }
        return Task.CompletedTask;
    }

    /// <summary>A topic with nothing left to send is forgotten, so the map holds only topics being sent to.</summary>
    void Forget(Guid topic, Task done)
    {
        lock (gate)
            if (tails.TryGetValue(topic, out var last) && last == done) tails.Remove(topic);
    }
}
