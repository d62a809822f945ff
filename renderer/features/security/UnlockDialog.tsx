/**
 * The unlock dialog: asks for the passphrase and says plainly when it is wrong. A wrong passphrase
 * changes nothing; deriving the key takes a moment on purpose (it is what makes guessing slow).
 */
import { useState } from 'react';
import type { VaultSession } from '../../../src/core/crypto';
import { Button, Dialog, Notice, TextField } from '../../components/ui';

export function UnlockDialog({ vault, open, onClose }: { vault: VaultSession; open: boolean; onClose: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setPassphrase('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    const result = await vault.unlock(passphrase);
    setBusy(false);
    if (result.ok) close();
    else setError(result.message);
  };
  return (
    <Dialog
      title="Unlock Subtier"
      open={open}
      onClose={close}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" type="submit" form="unlock-form" disabled={busy || passphrase === ''}>{busy ? 'Unlocking…' : 'Unlock'}</Button>
        </>
      }
    >
      <form id="unlock-form" className="section" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <p className="muted">Workers’ details and sensitive evidence are encrypted. Enter your passphrase to work with them.</p>
        <TextField label="Passphrase" type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        {error ? <Notice kind="error">{error}</Notice> : null}
      </form>
    </Dialog>
  );
}
