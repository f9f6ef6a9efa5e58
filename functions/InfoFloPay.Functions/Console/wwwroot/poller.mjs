// Refreshes what is on screen every few seconds without piling requests up: the next run is scheduled only after
// the last one finished, nothing runs while the tab is hidden, and a failing run never stops the polling.

export function createPoller({ intervalMs, run, isHidden = () => false, timers = globalThis, onError = () => {} }) {
  let timer = null;
  let running = false;
  let stopped = true;

  function schedule() {
    if (stopped) return;
    timers.clearTimeout(timer);
    timer = timers.setTimeout(tick, intervalMs);
  }

  async function tick() {
    timer = null;
    if (stopped) return;
    if (isHidden() || running) {
      schedule();
      return;
    }
    running = true;
    try {
      await run();
    } catch (error) {
      onError(error);
    } finally {
      running = false;
      schedule();
    }
  }

  return {
    start() {
      stopped = false;
      schedule();
    },
    stop() {
      stopped = true;
      timers.clearTimeout(timer);
      timer = null;
    },
    /** Runs now (e.g. the tab became visible again) and restarts the interval from here. */
    async poke() {
      if (stopped || running) return;
      timers.clearTimeout(timer);
      await tick();
    },
    get active() { return !stopped; },
  };
}
