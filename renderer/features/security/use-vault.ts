/**
 * React access to the vault: its current state (none, locked, unlocked), re-rendering on every
 * change, and the inactivity timer that locks it again after the chosen number of minutes.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { VaultSession, VaultState } from '../../../src/core/crypto';
import { useServices } from '../../app/services-context';

const AUTO_LOCK_KEY = 'subtier.autoLockMinutes';
export const AUTO_LOCK_CHOICES = [5, 15, 30, 60, 0] as const;
const DEFAULT_AUTO_LOCK = 15;

/** Minutes of inactivity before the vault locks itself; 0 means never. */
export function autoLockMinutes(): number {
  const stored = Number(localStorage.getItem(AUTO_LOCK_KEY));
  return (AUTO_LOCK_CHOICES as readonly number[]).includes(stored) && localStorage.getItem(AUTO_LOCK_KEY) !== null ? stored : DEFAULT_AUTO_LOCK;
}

export function setAutoLockMinutes(minutes: number): void {
  localStorage.setItem(AUTO_LOCK_KEY, String(minutes));
}

const noVault = () => () => undefined;

/** The vault (if the app has one) and its state, kept current. */
export function useVault(): { vault: VaultSession | undefined; state: VaultState } {
  const { vault } = useServices();
  const state = useSyncExternalStore(
    vault ? (onChange) => vault.subscribe(onChange) : noVault,
    () => vault?.state ?? 'none',
  );
  return { vault, state };
}

/** Locks the vault after `minutes` without a key press, click or touch (0: never). */
export function useAutoLock(vault: VaultSession | undefined, state: VaultState, minutes: number): void {
  useEffect(() => {
    if (!vault || state !== 'unlocked' || minutes <= 0) return undefined;
    let timer = setTimeout(() => vault.lock(), minutes * 60_000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => vault.lock(), minutes * 60_000);
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [vault, state, minutes]);
}
