/**
 * The project's assessment, live: the same judgement as `subtier score` and the report (screened
 * with the stored lists under this installation's policy, stored decisions kept, scored with its
 * weights, as of today). Screening runs through the app's screener (a Web Worker); scoring keeps
 * an incremental session, so after an edit only what changed is scored again. Edits show at once:
 * while the screening of the current state is on its way, the last run's hits stand in for it
 * (none before the first run) and `screening` says 'pending'. Other features colour parties with it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useScreener, useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { reportAppError } from '../../components/ErrorBoundary';
import { AssessmentSession, carryScreening, loadAssessmentInputs } from '../../../src/core/services';
import type { AssessmentInputs } from '../../../src/core/services';
import type { ProjectRiskResult, RiskModel } from '../../../src/core/risk';
import type { ProjectScreening, ScreeningList, ScreeningPolicy } from '../../../src/core/screening';
import type { ProjectSnapshot } from '../../../src/core/model';

export interface ProjectRisk {
  /** The project as assessed: its stored records and the hits of this screening. */
  readonly snapshot: ProjectSnapshot;
  readonly result: ProjectRiskResult;
  readonly model: RiskModel;
  readonly policy: ScreeningPolicy;
  /** The lists screened against; none means the stored hits were used as they are. */
  readonly lists: readonly ScreeningList[];
  readonly asOf: string;
  /** 'done' when the hits are those of the current state, 'pending' while its screening runs, 'none' without lists. */
  readonly screening: 'done' | 'pending' | 'none';
  /** Stored lists, weights or policy that could not be used, in words. */
  readonly problems: readonly string[];
}

const today = () => new Date().toISOString().slice(0, 10);

export function useProjectRisk(projectId: string | null): ProjectRisk | undefined {
  const { repo } = useServices();
  const screener = useScreener();
  const inputs = useLive(() => (projectId ? loadAssessmentInputs(repo, projectId) : Promise.resolve(null)), [projectId]);
  const [screened, setScreened] = useState<{ inputs: AssessmentInputs; run: ProjectScreening | null; asOf: string } | null>(null);
  useEffect(() => {
    if (!inputs) return;
    let current = true;
    const asOf = today();
    if (!inputs.lists.length) {
      setScreened({ inputs, run: null, asOf });
      return;
    }
    screener({ snapshot: inputs.snapshot, lists: inputs.lists, policy: inputs.policy, stamp: { mode: 'transient', asOf } }).then(
      (run) => {
        if (current) setScreened({ inputs, run, asOf });
      },
      (error: unknown) => {
        if (current) reportAppError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [inputs, screener]);
  const session = useRef(new AssessmentSession());
  return useMemo(() => {
    if (!inputs) return undefined;
    const last = screened && screened.inputs.snapshot.project.id === inputs.snapshot.project.id ? screened : null;
    const current = last?.inputs === inputs;
    const run = last?.run ? (current ? last.run : carryScreening(last.run, inputs.snapshot)) : null;
    const asOf = last?.asOf ?? today();
    const a = session.current.assess(inputs.snapshot, run, { lists: inputs.lists, policy: inputs.policy, model: inputs.model, asOf });
    const screening = inputs.lists.length === 0 ? 'none' : current ? 'done' : 'pending';
    return { snapshot: a.snapshot, result: a.risk, model: a.model, policy: a.policy, lists: a.lists, asOf, screening, problems: inputs.problems };
  }, [inputs, screened]);
}
