namespace Marketplace;

internal static class DurableWrite
{
    /// <summary>
    /// Writes the state; if the write fails, reloads what is stored so the grain never goes on from a change
    /// that nobody else will see.
    /// </summary>
    public static async Task WriteOrReload<T>(this IPersistentState<T> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync();
            throw;
        }
    }
}
