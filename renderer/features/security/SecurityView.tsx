/**
 * The Security screen: set a passphrase to encrypt workers' details and sensitive evidence, lock
 * and unlock, change the passphrase, encrypt records saved before a passphrase existed, and choose
 * when the app locks itself. It says exactly what is encrypted and what is not.
 */
import { useState } from 'react';
import { MIN_ITERATIONS, MIN_PASSPHRASE_LENGTH, passphraseProblem } from '../../../src/core/crypto';
import { countUnprotected, protectExisting } from '../../../src/core/services';
import type { VaultSession } from '../../../src/core/crypto';
import type { RouteProps } from '../../app/route-props';
import { useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { Badge, Button, Notice, PageHeader, SelectField, TextField } from '../../components/ui';
import { UnlockDialog } from './UnlockDialog';
import { AUTO_LOCK_CHOICES, autoLockMinutes, setAutoLockMinutes, useVault } from './use-vault';

export function SecurityView(_props: RouteProps) {
  const { vault, state } = useVault();
  const [unlocking, setUnlocking] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  if (!vault) return <div className="page"><PageHeader title="Security" /><Notice kind="error">Encryption is not available in this window.</Notice></div>;
  return (
    <div className="page">
      <PageHeader
        title="Security"
        subtitle="Encryption at rest for the data that could endanger people: workers’ identities and sensitive evidence."
        actions={state === 'unlocked' ? <Button onClick={() => vault.lock()}>Lock now</Button> : state === 'locked' ? <Button variant="primary" onClick={() => setUnlocking(true)}>Unlock</Button> : null}
      />
      <section className="section card pad" aria-label="Encryption status">
        <h3>Status {state === 'none' ? <Badge tone="high">not encrypted</Badge> : state === 'locked' ? <Badge tone="info">locked</Badge> : <Badge tone="low">unlocked</Badge>}</h3>
        {state === 'none' ? (
          <Notice kind="warning">No passphrase is set: workers’ details and sensitive evidence are stored unencrypted on this computer. Set a passphrase below to encrypt them.</Notice>
        ) : state === 'locked' ? (
          <p>Sensitive data is encrypted and cannot be read or changed until you unlock. Workers appear under their pseudonyms.</p>
        ) : (
          <p>Sensitive data is encrypted on disk and readable in this window until you lock or the app locks itself.</p>
        )}
        <WhatIsEncrypted />
      </section>
      {notice ? <Notice kind={notice.ok ? 'success' : 'error'}>{notice.text}</Notice> : null}
      {state === 'none' ? <SetUpPassphrase vault={vault} onDone={setNotice} /> : null}
      {state === 'unlocked' ? <Unprotected vault={vault} /> : null}
      {state !== 'none' ? <ChangePassphrase vault={vault} /> : null}
      {state !== 'none' ? <AutoLock /> : null}
      <UnlockDialog vault={vault} open={unlocking} onClose={() => setUnlocking(false)} />
    </div>
  );
}

function WhatIsEncrypted() {
  return (
    <dl className="facts">
      <dt>Encrypted</dt>
      <dd>For people marked as workers: name, aliases, registration number, address and notes. For evidence marked sensitive: the file itself, its title, description, file name and type.</dd>
      <dt>Not encrypted</dt>
      <dd>Everything else: the chain of companies, payments, workforce facts, screening and risk results, and the hash and size of sensitive evidence (so bundles can still be verified).</dd>
      <dt>How</dt>
      <dd>AES-256-GCM with a random data key; the key is stored only encrypted under your passphrase (PBKDF2-SHA-256, at least {MIN_ITERATIONS.toLocaleString('en')} iterations, 600,000 for new passphrases). Neither the passphrase nor the key is ever written in clear.</dd>
    </dl>
  );
}

function PassphraseFields({ label, value, confirm, onChange, onConfirm, error }: { label: string; value: string; confirm: string; onChange: (v: string) => void; onConfirm: (v: string) => void; error: string | undefined }) {
  return (
    <div className="form-grid">
      <TextField label={label} type="password" autoComplete="new-password" value={value} onChange={(e) => onChange(e.target.value)} hint={`At least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.`} />
      <TextField label="Type it again" type="password" autoComplete="new-password" value={confirm} onChange={(e) => onConfirm(e.target.value)} error={error} />
    </div>
  );
}

/** The problem with a new passphrase and its confirmation, or undefined. */
function newPassphraseError(passphrase: string, confirm: string): string | undefined {
  return passphraseProblem(passphrase) ?? (passphrase !== confirm ? 'The two passphrases differ.' : undefined);
}

function SetUpPassphrase({ vault, onDone }: { vault: VaultSession; onDone: (notice: { ok: boolean; text: string }) => void }) {
  const { repo } = useServices();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const error = tried ? newPassphraseError(passphrase, confirm) : undefined;
  const submit = async () => {
    setTried(true);
    if (newPassphraseError(passphrase, confirm)) return;
    setBusy(true);
    try {
      // This form goes away once the vault exists: the outcome is reported by the page.
      await vault.setUp(passphrase);
      const sealed = await protectExisting(repo, vault);
      onDone({ ok: true, text: `Passphrase set. ${sealed.workers} worker(s) and ${sealed.evidence} sensitive evidence file(s) already stored were encrypted.` });
    } catch (e) {
      setBusy(false);
      onDone({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <section className="section card pad" aria-label="Set a passphrase">
      <h3>Set a passphrase</h3>
      <Notice kind="warning">There is no way to recover the passphrase. If it is lost, the encrypted details cannot be read again by anyone, including you. Keep it somewhere safe.</Notice>
      <form className="section" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <PassphraseFields label="Passphrase" value={passphrase} confirm={confirm} onChange={setPassphrase} onConfirm={setConfirm} error={error} />
        <div className="form-actions"><Button variant="primary" type="submit" disabled={busy}>{busy ? 'Encrypting…' : 'Set passphrase and encrypt'}</Button></div>
      </form>
    </section>
  );
}

function Unprotected({ vault }: { vault: VaultSession }) {
  const { repo } = useServices();
  const count = useLive(() => countUnprotected(repo), []);
  const [busy, setBusy] = useState(false);
  if (!count || count.workers + count.evidence === 0) return null;
  return (
    <section className="section card pad" aria-label="Unencrypted sensitive data">
      <Notice kind="warning">
        {count.workers} worker(s) and {count.evidence} sensitive evidence file(s) are stored unencrypted (saved before the passphrase was set, or imported).
      </Notice>
      <div><Button variant="primary" disabled={busy} onClick={async () => { setBusy(true); try { await protectExisting(repo, vault); } finally { setBusy(false); } }}>{busy ? 'Encrypting…' : 'Encrypt them now'}</Button></div>
    </section>
  );
}

function ChangePassphrase({ vault }: { vault: VaultSession }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const error = tried ? newPassphraseError(next, confirm) : undefined;
  const submit = async () => {
    setTried(true);
    if (newPassphraseError(next, confirm)) return;
    setBusy(true);
    const r = await vault.changePassphrase(current, next);
    setBusy(false);
    setResult(r.ok ? { ok: true, message: 'Passphrase changed. Use the new one from now on.' } : { ok: false, message: r.message });
    if (r.ok) {
      setCurrent('');
      setNext('');
      setConfirm('');
      setTried(false);
    }
  };
  return (
    <section className="section card pad" aria-label="Change the passphrase">
      <h3>Change the passphrase</h3>
      <form className="section" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="form-grid">
          <TextField label="Current passphrase" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </div>
        <PassphraseFields label="New passphrase" value={next} confirm={confirm} onChange={setNext} onConfirm={setConfirm} error={error} />
        <div className="form-actions"><Button type="submit" disabled={busy || current === ''}>{busy ? 'Changing…' : 'Change passphrase'}</Button></div>
      </form>
      {result ? <Notice kind={result.ok ? 'success' : 'error'}>{result.message}</Notice> : null}
    </section>
  );
}

function AutoLock() {
  const [minutes, setMinutes] = useState(autoLockMinutes);
  return (
    <section className="section card pad" aria-label="Automatic lock">
      <h3>Automatic lock</h3>
      <div className="form-row">
        <SelectField
          label="Lock after this long without activity"
          value={String(minutes)}
          options={AUTO_LOCK_CHOICES.map((m) => ({ value: String(m), label: m === 0 ? 'Never' : `${m} minutes` }))}
          onChange={(e) => {
            const m = Number(e.target.value);
            setAutoLockMinutes(m);
            setMinutes(m);
          }}
        />
      </div>
      <p className="muted small">Takes effect the next time the app is unlocked or reloaded.</p>
    </section>
  );
}
