/**
 * The problems an import found, cell by cell: "Parties!4:D" and what is wrong there. Errors first,
 * warnings folded below; long lists are cut so a broken 50,000-row file stays responsive.
 */
import { formatProblem } from '../../../src/core/io';
import type { ImportProblem } from '../../../src/core/io';

const SHOWN = 300;

/** The cell reference of a problem: Parties!4:D, Parties!4, Parties, or "File". */
export function cellOf(p: ImportProblem): string {
  if (p.sheet === '') return 'File';
  if (p.row === null) return p.sheet;
  return p.column === null ? `${p.sheet}!${p.row}` : `${p.sheet}!${p.row}:${p.column}`;
}

function Rows({ problems, kind }: { problems: readonly ImportProblem[]; kind: 'error' | 'warning' }) {
  return (
    <table className="table compact problem-table" aria-label={kind === 'error' ? 'Errors by cell' : 'Warnings by cell'}>
      <thead><tr><th scope="col">Cell</th><th scope="col">{kind === 'error' ? 'Error' : 'Warning'}</th></tr></thead>
      <tbody>
        {problems.slice(0, SHOWN).map((p, i) => (
          <tr key={i} className={`problem problem-${kind}`} data-cell={cellOf(p)} title={formatProblem(p)}>
            <td><code>{cellOf(p)}</code></td>
            <td dir="auto">{p.message}</td>
          </tr>
        ))}
        {problems.length > SHOWN ? <tr><td colSpan={2} className="muted">… and {problems.length - SHOWN} more. Run <code>npx subtier import-check</code> on the file for the full list.</td></tr> : null}
      </tbody>
    </table>
  );
}

export function ProblemList({ errors, warnings }: { errors: readonly ImportProblem[]; warnings: readonly ImportProblem[] }) {
  return (
    <div className="problem-list">
      {errors.length ? <Rows problems={errors} kind="error" /> : null}
      {warnings.length ? (
        <details open={!errors.length && warnings.length <= 10}>
          <summary>{warnings.length} warning{warnings.length === 1 ? '' : 's'} (imported anyway)</summary>
          <Rows problems={warnings} kind="warning" />
        </details>
      ) : null}
    </div>
  );
}
