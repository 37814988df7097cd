export interface LatestOnly<A extends unknown[]> {
  (...args: A): void;
  /** Drops the answer of any call still in flight. */
  cancel(): void;
}

/**
 * Wraps an async lookup so that only the answer to the most recent call is delivered: answers
 * (and failures) of calls overtaken by a newer one are dropped, so a slow reply never overwrites a fresh one.
 */
export function latestOnly<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  onResult: (result: R) => void,
  onError: (error: unknown) => void,
): LatestOnly<A> {
  let latest = 0;
  const run = (...args: A) => {
    const call = ++latest;
    fn(...args).then(
      (result) => call === latest && onResult(result),
      (error: unknown) => call === latest && onError(error),
    );
  };
  run.cancel = () => void ++latest;
  return run;
}
