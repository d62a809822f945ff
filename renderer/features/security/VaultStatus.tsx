/**
 * The lock in the sidebar: shows whether sensitive data is encrypted and unlocked, locks with one
 * click, opens the unlock dialog, and runs the inactivity auto-lock.
 */
import { useState } from 'react';
import { UnlockDialog } from './UnlockDialog';
import './security.css';
import { autoLockMinutes, useAutoLock, useVault } from './use-vault';

export function VaultStatus({ onOpenSecurity }: { onOpenSecurity: () => void }) {
  const { vault, state } = useVault();
  const [unlocking, setUnlocking] = useState(false);
  useAutoLock(vault, state, autoLockMinutes());
  if (!vault) return null;
  return (
    <div className={`vault-status vault-${state}`}>
      {state === 'none' ? (
        <button type="button" className="vault-button" onClick={onOpenSecurity} title="Sensitive data is stored unencrypted until you set a passphrase">
          <span aria-hidden>⚠</span> Not encrypted
        </button>
      ) : state === 'locked' ? (
        <button type="button" className="vault-button" onClick={() => setUnlocking(true)}>
          <span aria-hidden>🔒</span> Locked · Unlock
        </button>
      ) : (
        <button type="button" className="vault-button" onClick={() => vault.lock()} title="Lock: sensitive data stays encrypted until the passphrase is entered again">
          <span aria-hidden>🔓</span> Unlocked · Lock
        </button>
      )}
      <UnlockDialog vault={vault} open={unlocking} onClose={() => setUnlocking(false)} />
    </div>
  );
}
