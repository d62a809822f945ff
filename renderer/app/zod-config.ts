/**
 * Imported first by the renderer entry. The app's Content-Security-Policy forbids eval, so zod's
 * compiled fast path can never run here; `jitless` stops zod probing for it with `new Function`,
 * a probe the browser reports as a CSP violation even though zod catches it.
 */
import { z } from 'zod';

z.config({ jitless: true });
