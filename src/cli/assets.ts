/**
 * Locates the bundled assets (sanctions snapshot, fonts, samples) from the CLI. The CLI runs from
 * out/cli/subtier.mjs in a checkout, or from src/cli under tsx in tests; both sit two levels below the root.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export function assetPath(relative: string): string {
  return fileURLToPath(new URL(`../../assets/${relative}`, import.meta.url));
}

export async function readAsset(relative: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(assetPath(relative)));
}
