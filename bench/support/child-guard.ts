/**
 * Preloaded (`node -r`) into every process a benchmark starts:
 * - the child exits when the benchmark goes away, even if it was killed too hard to clean up;
 * - on SIGTERM, once no other handler is left (Nest removes its own after a graceful shutdown and
 *   re-sends the signal), the child exits normally, so `--cpu-prof` gets to write its profile.
 */
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => {
  if (process.listenerCount('SIGTERM') === 1) process.exit(0);
});
