/**
 * Supplier attestations from the party panel: generate the prefilled form for this party (saved or
 * downloaded, and the party marked "awaiting"), and read a returned form back, which updates the
 * party's attestation and questionnaire and lists missing or contradictory answers.
 */
import { useState } from 'react';
import { openFile, saveFile } from '../../app/bridge';
import { useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { Badge, Button, Notice } from '../../components/ui';
import type { Attestation, Party } from '../../../src/core/model';
import { buildAttestationForm } from '../../../src/core/report';
import { latestAttestation, recordAttestationRequest, recordReturnedAttestation } from '../../../src/core/services';
import { loadReportFonts } from './report-assets';
import './reports.css';

const STATUS: Record<Attestation['status'], { label: string; tone: 'unknown' | 'info' | 'low' | 'critical' }> = {
  not_requested: { label: 'not requested', tone: 'unknown' },
  awaiting: { label: 'awaiting', tone: 'info' },
  received: { label: 'received', tone: 'low' },
  contradicted: { label: 'contradicted', tone: 'critical' },
};

export function AttestationSection({ party }: { party: Party }) {
  const { repo } = useServices();
  const attestation = useLive(() => latestAttestation(repo, party.projectId, party.id), [party.projectId, party.id]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success' | 'warning'; text: string; issues?: readonly string[] } | null>(null);
  if (party.kind === 'person' || party.isClient) return null;

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await fn();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const generate = () => run(async () => {
    const project = await repo.getProject(party.projectId);
    if (!project) throw new Error('This project no longer exists.');
    const issued = new Date().toISOString().slice(0, 10);
    const pdf = await buildAttestationForm({ project, party, organisation: localStorage.getItem('subtier.organisation') ?? '', issued }, await loadReportFonts());
    const saved = await saveFile({ suggestedName: `attestation-${(party.ref || party.name).replace(/[^\p{L}\p{N}]+/gu, '-')}-${issued}.pdf`, bytes: pdf, filters: [{ name: 'PDF form', extensions: ['pdf'] }] });
    if (!saved.ok) throw new Error(saved.error);
    if (!saved.value) return;
    await recordAttestationRequest(repo, party.projectId, party.id, issued);
    setMessage({ kind: 'success', text: `Form saved as ${saved.value.name}. Send it to the supplier; the party is marked awaiting its attestation.` });
  });

  const readBack = () => run(async () => {
    const picked = await openFile('attestation');
    if (!picked.ok) throw new Error(picked.error);
    if (!picked.value) return;
    const { attestation: records, issues } = await recordReturnedAttestation(repo, party.projectId, party.id, picked.value);
    const contradicted = records.status === 'contradicted';
    setMessage({
      kind: contradicted ? 'error' : issues.length ? 'warning' : 'success',
      text: contradicted ? 'The attestation contradicts the project records.' : issues.length ? 'Attestation read, with gaps.' : 'Attestation read: complete and consistent with the records.',
      issues: issues.map((i) => i.message),
    });
  });

  const status = STATUS[attestation?.status ?? 'not_requested'];
  return (
    <section className="section" aria-label="Supplier attestation">
      <div className="section-head">
        <h3>Supplier attestation <Badge tone={status.tone}>{status.label}</Badge></h3>
      </div>
      {attestation?.signatoryName ? <p className="small muted">Signed by {attestation.signatoryName}{attestation.signatoryTitle ? `, ${attestation.signatoryTitle}` : ''}{attestation.signedDate ? ` on ${attestation.signedDate}` : ''}.</p> : null}
      <div className="panel-actions">
        <Button onClick={() => void generate()} disabled={busy}>Generate attestation form</Button>
        <Button onClick={() => void readBack()} disabled={busy}>Read returned form</Button>
      </div>
      {message ? (
        <Notice kind={message.kind}>
          {message.text}
          {message.issues?.length ? <ul className="attestation-issues">{message.issues.map((i) => <li key={i}>{i}</li>)}</ul> : null}
        </Notice>
      ) : attestation?.issues.length ? (
        <ul className="attestation-issues">{attestation.issues.map((i) => <li key={i}>{i}</li>)}</ul>
      ) : null}
    </section>
  );
}
