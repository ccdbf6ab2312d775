// Preloaded into worker processes that tests start: when the test runner dies (killed, crashed),
// they exit too instead of living on and taking jobs from later runs.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 1000).unref();
