/**
 * The report's look: page geometry, type sizes and colours, including the risk colours used
 * consistently in chips, the chain diagram and the register. Risk colours keep enough contrast for
 * a greyscale print (critical darkest), and every coloured mark also carries its level as text.
 */
import { rgb } from 'pdf-lib';
import type { RGB } from 'pdf-lib';
import type { RiskLevel } from '../report-input';

export const A4: readonly [number, number] = [595.28, 841.89];

export const MARGIN = { left: 48, right: 48, top: 62, bottom: 58 } as const;

export const SIZE = { body: 9, small: 7.5, tiny: 6.5, h1: 17, h2: 12, h3: 10 } as const;

const hex = (h: string): RGB => rgb(parseInt(h.slice(1, 3), 16) / 255, parseInt(h.slice(3, 5), 16) / 255, parseInt(h.slice(5, 7), 16) / 255);

export const COLOR = {
  ink: hex('#1c2430'),
  muted: hex('#5b6675'),
  rule: hex('#c9d1db'),
  accent: hex('#1f3a5f'),
  accentLight: hex('#e7edf5'),
  zebra: hex('#f5f7fa'),
  white: hex('#ffffff'),
  warning: hex('#a4161a'),
  ok: hex('#2b8a3e'),
} as const;

export type ChipLevel = RiskLevel | 'insufficient';

export const LEVEL_COLOR: Readonly<Record<ChipLevel, { readonly strong: RGB; readonly tint: RGB; readonly label: string }>> = {
  critical: { strong: hex('#a4161a'), tint: hex('#fbe3e4'), label: 'CRITICAL' },
  high: { strong: hex('#d9480f'), tint: hex('#fde8dc'), label: 'HIGH' },
  medium: { strong: hex('#b98900'), tint: hex('#fff4d1'), label: 'MEDIUM' },
  low: { strong: hex('#2b8a3e'), tint: hex('#e3f4e6'), label: 'LOW' },
  insufficient: { strong: hex('#6c757d'), tint: hex('#eceef1'), label: 'INSUFFICIENT' },
};

/** Colours of relationship lines in the chain diagram: work flows in dark ink, money in orange. */
export const RELATION_STYLE: Readonly<Record<string, { readonly color: RGB; readonly dashed: boolean }>> = {
  subcontracts: { color: hex('#3d4a5c'), dashed: false },
  supplies_labor: { color: hex('#1f6fb2'), dashed: false },
  employs: { color: hex('#1f6fb2'), dashed: false },
  recruits: { color: hex('#7048e8'), dashed: false },
  pays: { color: hex('#d9480f'), dashed: true },
  banks_with: { color: hex('#868e96'), dashed: true },
  owns: { color: hex('#495057'), dashed: true },
};
