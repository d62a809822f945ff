/**
 * The risk colour of a party, for every screen that shows one: a badge with the level (and score),
 * marked when information is insufficient so a gap never reads as "low". Exported for the chain
 * map, tables, the party panel and reports preview.
 */
import type { RiskLevel } from '../../../src/core/risk';
import { Badge } from '../../components/ui';

const LABEL: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export function RiskBadge({ level, score, insufficient, prefix }: { level: RiskLevel; score?: number; insufficient?: boolean; prefix?: string }) {
  const text = `${prefix ? `${prefix} ` : ''}${LABEL[level]}${score !== undefined ? ` ${score}` : ''}`;
  const title = insufficient ? `${LABEL[level]} risk; insufficient information: too few of the facts that matter are known` : `${LABEL[level]} risk`;
  return (
    <span className="risk-badge" data-level={level}>
      <Badge tone={level} title={title}>{text}</Badge>
      {insufficient ? <Badge tone="unknown" title="Too few of the facts that matter are known">insufficient information</Badge> : null}
    </span>
  );
}

/** The CSS colour variable of a level, for maps and charts. */
export function riskColor(level: RiskLevel | undefined): string {
  return level ? `var(--risk-${level})` : 'var(--risk-unknown)';
}
