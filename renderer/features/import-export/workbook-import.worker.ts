/// <reference lib="webworker" />
/**
 * The workbook import worker: reads the chosen workbook or CSV files and plans their import off the
 * interface thread, posting progress before each step. The read draft is kept for the plans that
 * follow (new project or merge, a new name, only the valid rows) so the file is read only once, and
 * the last plan is kept until the dialog takes it to apply.
 */
import { planImport, readTemplateFiles } from '../../../src/core/io';
import type { ImportPlan, Parsed, TemplateDraft } from '../../../src/core/io';
import { randomId, systemClock } from '../../../src/core/model';
import { PREVIEW_CHANGES } from './import-worker-protocol';
import type { ImportWorkerRequest, ImportWorkerResponse, PlanPreview } from './import-worker-protocol';
import { serveRequests } from '../../app/worker-channel';

let lastRead: { readonly id: number; readonly parsed: Parsed<TemplateDraft> } | null = null;
let lastPlan: { readonly id: number; readonly plan: ImportPlan } | null = null;

function previewOf(planId: number, plan: ImportPlan): PlanPreview {
  const { changes, ...counts } = plan.summary;
  const changed = changes.filter((c) => c.action === 'changed');
  return {
    planId, mode: plan.mode, counts: plan.counts, errors: plan.errors, warnings: plan.warnings, canApply: plan.canApply,
    summary: { ...counts, changed: changed.slice(0, PREVIEW_CHANGES), changedCount: changed.length },
  };
}

serveRequests<ImportWorkerRequest, ImportWorkerResponse>((request, post) => {
  if (request.type === 'read') {
    // Drop the previous draft first: two 50,000-row drafts need not be held at once.
    lastRead = null;
    lastPlan = null;
    const parsed = readTemplateFiles(request.files, ({ done, total, step }) => post({ type: 'progress', id: request.id, done, total, step }));
    lastRead = { id: request.id, parsed };
    post({
      type: 'read',
      id: request.id,
      summary: { sheets: parsed.value.sheets, projectName: parsed.value.project.fields.name, errors: parsed.errors, warnings: parsed.warnings },
    });
    return;
  }
  if (request.type === 'take') {
    if (!lastPlan || lastPlan.id !== request.planId) post({ type: 'failed', id: request.id, message: 'the import was planned again since; check the preview and import again' });
    else post({ type: 'plan', id: request.id, plan: lastPlan.plan });
    return;
  }
  if (!lastRead || lastRead.id !== request.readId) {
    post({ type: 'failed', id: request.id, message: 'another file was chosen since; its import is planned instead' });
    return;
  }
  post({ type: 'progress', id: request.id, done: 0, total: 1, step: 'Checking the rows and planning the import' });
  const plan = planImport(lastRead.parsed, { target: request.target, onlyValidRows: request.onlyValidRows, ids: randomId, clock: systemClock });
  lastPlan = { id: request.id, plan };
  post({ type: 'planned', id: request.id, preview: previewOf(request.id, plan) });
});
