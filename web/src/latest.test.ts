import { describe, expect, it, vi } from "vitest";
import { latestOnly } from "./latest";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("latestOnly", () => {
  it("drops an answer that arrives after a newer call was made", async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const calls = [slow, fast];
    const onResult = vi.fn();
    const onError = vi.fn();
    const search = latestOnly((_q: string) => calls.shift()!.promise, onResult, onError);

    search("mil");
    search("milano");
    fast.resolve("milano results");
    await flush();
    slow.resolve("mil results");
    await flush();

    expect(onResult.mock.calls).toEqual([["milano results"]]);
    expect(onError).not.toHaveBeenCalled();
  });

  it("reports the failure of the latest call only", async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const calls = [first, second];
    const onResult = vi.fn();
    const onError = vi.fn();
    const search = latestOnly(() => calls.shift()!.promise, onResult, onError);

    search();
    search();
    first.reject(new Error("old"));
    second.reject(new Error("new"));
    await flush();

    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toEqual(new Error("new"));
    expect(onResult).not.toHaveBeenCalled();
  });

  it("cancel drops the answer in flight", async () => {
    const pending = deferred<string>();
    const onResult = vi.fn();
    const search = latestOnly(() => pending.promise, onResult, vi.fn());

    search();
    search.cancel();
    pending.resolve("late");
    await flush();

    expect(onResult).not.toHaveBeenCalled();
  });
});
