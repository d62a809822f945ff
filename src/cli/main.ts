// Entry point of the built CLI bundle (out/cli/subtier.mjs).
import { runCli } from './index';

process.exitCode = await runCli(process.argv.slice(2));
