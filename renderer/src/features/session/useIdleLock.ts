import { useEffect, useRef } from 'react';
import { lockTill, touchSession } from './sessionActions';
import { IdleWatcher, TOUCH_EVERY_MS } from './idle';
import { useSessionStore } from './sessionStore';
import { useSettingsStore } from '../settings/settingsStore';

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the till after `idleLockMinutes` without a touch, a click or a key, and keeps the core's
 * own idle lock in step (session:touch, at most every 30 s) while the cashier is active.
 */
export function useIdleLock(): void {
  const signedIn = useSessionStore((s) => s.status === 'signedIn');
  const minutes = useSettingsStore((s) => s.settings.idleLockMinutes);
  const watcher = useRef<IdleWatcher | null>(null);

  useEffect(() => {
    if (!signedIn) return;
    const w = new IdleWatcher({
      idleMs: useSettingsStore.getState().settings.idleLockMinutes * 60_000,
      touchEveryMs: TOUCH_EVERY_MS,
      onIdle: () => void lockTill(),
      onTouch: () => void touchSession(),
    });
    watcher.current = w;
    w.start();
    const onInput = () => w.activity();
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      w.stop();
      watcher.current = null;
    };
  }, [signedIn]);

  useEffect(() => {
    watcher.current?.setIdleMs(minutes * 60_000);
  }, [minutes]);
}
