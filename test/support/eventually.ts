/** Polls `check` until it returns something truthy (returned), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | false | undefined | null>, timeoutMs = 30_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
