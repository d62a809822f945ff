/**
 * The project's evidence register: every file attached to the project, its parties and its links,
 * with what it is about, when it was captured, its size and SHA-256, and whether it is sensitive.
 * It is what the report's evidence annex lists and what a colleague checks a bundle against.
 */
import { useMemo, useState } from 'react';
import type { RouteProps } from '../../app/route-props';
import { useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { Button, Dialog, EmptyState, PageHeader, SelectField } from '../../components/ui';
import { labelOf } from '../../../src/core/model';
import type { Evidence } from '../../../src/core/model';
import { foldText } from '../../../src/core/chain/table';
import { AttachEvidence } from './AttachEvidence';
import { EvidenceList } from './EvidenceList';
import { formatSize } from './evidence-file';

export function EvidenceRegister({ projectId }: RouteProps) {
  const { repo } = useServices();
  const data = useLive(async () => {
    if (!projectId) return undefined;
    const [project, evidence, parties, links] = await Promise.all([repo.getProject(projectId), repo.listEvidence(projectId), repo.listParties(projectId), repo.listLinks(projectId)]);
    return { project, evidence, parties, links };
  }, [projectId]);
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<'all' | 'sensitive' | 'party' | 'link' | 'project'>('all');
  const [attaching, setAttaching] = useState(false);

  const subjectLabel = useMemo(() => {
    const names = new Map((data?.parties ?? []).map((p) => [p.id, p.name]));
    const links = new Map((data?.links ?? []).map((l) => [l.id, l]));
    return (ev: Evidence) => {
      if (ev.subject.type === 'project') return 'Project';
      if (ev.subject.type === 'party') return names.get(ev.subject.id) ?? 'A deleted party';
      const l = links.get(ev.subject.id);
      return l ? `${names.get(l.from) ?? '?'} ${labelOf(l.relation)} ${names.get(l.to) ?? '?'}` : 'A deleted link';
    };
  }, [data]);

  const items = useMemo(() => {
    const q = foldText(query);
    return (data?.evidence ?? [])
      .filter((ev) => show === 'all' || (show === 'sensitive' ? ev.sensitive : ev.subject.type === show))
      .filter((ev) => !q || foldText(`${ev.title} ${ev.fileName} ${ev.description} ${ev.sha256} ${subjectLabel(ev)}`).includes(q))
      .sort((a, b) => (b.capturedAt || '').localeCompare(a.capturedAt || '') || a.fileName.localeCompare(b.fileName));
  }, [data, query, show, subjectLabel]);

  if (!projectId) return null;
  const total = data?.evidence.reduce((n, e) => n + e.size, 0) ?? 0;
  return (
    <div className="page">
      <PageHeader
        title="Evidence register"
        subtitle={data ? `${data.evidence.length} file(s), ${formatSize(total)} · ${data.evidence.filter((e) => e.sensitive).length} sensitive` : undefined}
        actions={<Button variant="primary" onClick={() => setAttaching(true)}>Attach to the project</Button>}
      />
      <div className="form-row">
        <input className="search" type="search" placeholder="Search titles, file names, hashes and parties" aria-label="Search evidence" value={query} onChange={(e) => setQuery(e.target.value)} dir="auto" />
        <SelectField label="Show" value={show} onChange={(e) => setShow(e.target.value as typeof show)} options={[
          { value: 'all', label: 'All evidence' }, { value: 'sensitive', label: 'Sensitive only' }, { value: 'party', label: 'About parties' },
          { value: 'link', label: 'About links' }, { value: 'project', label: 'About the project' },
        ]} />
      </div>
      {data && data.evidence.length === 0 ? (
        <EmptyState title="No evidence yet" action={<Button variant="primary" onClick={() => setAttaching(true)}>Attach a file</Button>}>
          Attach contracts, badge lists, payroll sheets, photos and interview notes to the parties and links they prove, from the chain map's side panel, or to the project here.
        </EmptyState>
      ) : (
        <EvidenceList items={items} subjectLabel={subjectLabel} />
      )}
      <Dialog title="Attach evidence to the project" open={attaching} onClose={() => setAttaching(false)} wide>
        <AttachEvidence projectId={projectId} subject={{ type: 'project', id: projectId }} subjectName={data?.project?.name ?? 'the project'} onDone={() => setAttaching(false)} onCancel={() => setAttaching(false)} />
      </Dialog>
    </div>
  );
}
