/**
 * Reports when the process's event loop was held up for longer than `thresholdMs`: a link whose
 * heartbeats go unanswered, or devices that time out, are often this process being too busy (or
 * starved of CPU) rather than the network. Checks twice a second by how late a timer fires; costs
 * nothing measurable. Returns the function that stops it.
 */
export function watchEventLoop(onStall: (blockedMs: number) => void, thresholdMs = 1_000): () => void {
  const everyMs = 500;
  let expected = performance.now() + everyMs;
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - expected;
    expected = now + everyMs;
    if (late >= thresholdMs) onStall(Math.round(late));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
