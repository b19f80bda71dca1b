import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleWatcher } from '../../renderer/src/features/session/idle';

const MIN = 60_000;

describe('idle lock timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  function watcher(idleMin = 5) {
    const onIdle = vi.fn();
    const onTouch = vi.fn();
    const w = new IdleWatcher({ idleMs: idleMin * MIN, touchEveryMs: 30_000, onIdle, onTouch });
    return { w, onIdle, onTouch };
  }

  it('locks after the idle time without input, once', () => {
    const { w, onIdle } = watcher();
    w.start();
    vi.advanceTimersByTime(5 * MIN - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(w.active).toBe(false);
    vi.advanceTimersByTime(60 * MIN);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('input pushes the lock back, counted from the last input', () => {
    const { w, onIdle } = watcher();
    w.start();
    vi.advanceTimersByTime(4 * MIN);
    w.activity();
    vi.advanceTimersByTime(4 * MIN);
    expect(onIdle).not.toHaveBeenCalled();
    w.activity();
    vi.advanceTimersByTime(5 * MIN - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('tells the core at most once per 30 s, and once more after a burst', () => {
    const { w, onTouch } = watcher();
    w.start(); // signing in counts as a touch
    for (let i = 0; i < 50; i++) {
      vi.advanceTimersByTime(500);
      w.activity();
    }
    // 25 s of input: nothing yet (the sign-in was the last touch), one trailing touch at 30 s.
    expect(onTouch).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(5_000);
    expect(onTouch).toHaveBeenCalledTimes(1);
    // Quiet afterwards: no more touches.
    vi.advanceTimersByTime(2 * MIN);
    expect(onTouch).toHaveBeenCalledTimes(1);
    // Input after a long quiet spell touches at once.
    w.activity();
    expect(onTouch).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1_000);
    w.activity();
    vi.advanceTimersByTime(28_999);
    expect(onTouch).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(onTouch).toHaveBeenCalledTimes(3);
  });

  it('stop() cancels everything; a shorter idle time applies from the last input', () => {
    const { w, onIdle, onTouch } = watcher(10);
    w.start();
    vi.advanceTimersByTime(3 * MIN);
    w.setIdleMs(2 * MIN);
    expect(onIdle).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);

    const b = watcher();
    b.w.start();
    b.w.activity();
    b.w.stop();
    b.w.activity();
    vi.advanceTimersByTime(60 * MIN);
    expect(b.onIdle).not.toHaveBeenCalled();
    expect(onTouch).not.toHaveBeenCalled();
  });
});
