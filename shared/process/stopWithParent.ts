/**
 * Calls `stop` when the process that started this one is gone (it died,
 * even by SIGKILL, and this process was re-parented), so no module, gateway
 * or PostgreSQL started by `npm start`'s supervisor survives it as an orphan.
 * Watches the parent pid rather than an IPC channel: tsx's loader takes over
 * signal handling when an IPC channel is present.
 */
export function stopWithParent(stop: () => void, intervalMs = 1000): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      stop();
    }
  }, intervalMs);
  timer.unref();
}
