/**
 * Runs a task for a key at most once at a time, however often it is asked for: a request made while
 * it runs schedules exactly one more run after it, which sees every change made meanwhile. Under a
 * burst of activations the relay hears the device count a few times a second rather than once per
 * device, and each address once per burst of uses.
 */
export function coalescedTasksByKey<K>(
  task: (key: K) => Promise<void>,
  onError: (error: unknown) => void,
): (key: K) => void {
  const inFlight = new Map<K, { again: boolean }>();
  return (key) => {
    const running = inFlight.get(key);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    inFlight.set(key, state);
    void (async () => {
      try {
        do {
          state.again = false;
          await task(key).catch(onError);
        } while (state.again);
      } finally {
        inFlight.delete(key);
      }
    })();
  };
}

export function coalescedTask(task: () => Promise<void>, onError: (error: unknown) => void): () => void {
  const trigger = coalescedTasksByKey<true>(task, onError);
  return () => trigger(true);
}
