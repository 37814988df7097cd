using System.Diagnostics;

namespace Marketplace.Server.Realtime;

/// <summary>
/// Runs the live sends of one topic one after another, in the order they were asked, on the thread pool. A grain hands
/// its change's delivery over and ends its turn, so its next command does not wait for a fan-out to a thousand
/// watchers, and the watchers still hear the topic's changes in the order they were stored.
/// <para>
/// A topic sends at most one message per <see cref="Spacing"/>: what is asked while the one before is being sent, or
/// sooner than that after it, waits as one item, each new one merged into it. Handing a message to a thousand
/// connections returns long before they have it (the sockets and the clients still have to take it), so a topic whose
/// changes come faster than that (dozens of edits a second) would otherwise pile up deliveries the watchers cannot
/// take; this way it sends fewer, larger messages. One whose changes come slower sends each change as it is, at once.
/// </para>
/// </summary>
internal sealed class MergedSends
{
    /// <summary>The least time between the starts of two sends of one topic: twenty a second, quicker than a person reads.</summary>
    internal static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(50);

    readonly Lock gate = new();
    readonly Dictionary<Guid, Task> tails = [];
    readonly Dictionary<Guid, object> waiting = [];

    /// <summary>
    /// Queues <paramref name="item"/> after the topic's earlier sends, or merges it into the one already waiting there
    /// (<paramref name="merge"/> of the earlier and the later); returns at once.
    /// </summary>
    public void After<T>(Guid topic, T item, Func<T, T, T> merge, Func<T, Task> send) where T : class
    {
        lock (gate)
        {
            if (waiting.TryGetValue(topic, out var queued))
            {
                waiting[topic] = merge((T)queued, item);
                return;
            }
            waiting[topic] = item;
            var previous = tails.GetValueOrDefault(topic) ?? Task.CompletedTask;
            // Task.Run leaves the caller's scheduler (a grain's): the send never runs inside, or waits for, a grain's turn.
            var next = Task.Run(async () =>
            {
                await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                T taken;
                lock (gate)
                {
                    taken = (T)waiting[topic];
                    waiting.Remove(topic); // what comes from now on waits behind this send
                }
                var started = Stopwatch.GetTimestamp();
                await send(taken);
                // The topic's next send waits behind this task: it ends no sooner than Spacing after this send began.
                var rest = Spacing - Stopwatch.GetElapsedTime(started);
                if (rest > TimeSpan.Zero) await Task.Delay(rest);
            });
            tails[topic] = next;
            _ = next.ContinueWith(done => Forget(topic, done), TaskScheduler.Default);
        }
    }

    /// <summary>A topic with nothing left to send is forgotten, so the map holds only topics being sent to.</summary>
    void Forget(Guid topic, Task done)
    {
        lock (gate)
            if (tails.TryGetValue(topic, out var last) && last == done) tails.Remove(topic);
    }
}
