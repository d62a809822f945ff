/**
 * The main process's security policy in one place: the app's own origin, the Content-Security-Policy,
 * the rule that cancels every request leaving the app, and the handlers that deny navigation, new
 * windows, webviews, downloads and every permission. Subtier is offline by design, so the default
 * everywhere is "no"; tests in tests/integration/main prove each rule.
 */
import type { Session, WebContents } from 'electron';

/** The UI is served from `app://subtier/`, a custom protocol backed by the built renderer files. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'subtier';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Only the app's own files: no inline or remote script, no remote anything, no plugins, no frames,
 * no form posts. `blob:` and `data:` stay local (generated PDFs, images); workers come from the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "media-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every file the app serves. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL of the app itself (`app://subtier/...`). Parsed, never matched by prefix. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '';
}

/**
 * The request allow-list: the app's own files, blobs the app made, inline data and the DevTools
 * front end. Everything else (http, https, ws, ftp, file, other schemes) is cancelled.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'data:') return true;
  if (u.protocol === 'blob:') return isAppUrl(u.pathname);
  return u.protocol === 'devtools:';
}

/** Why a request was cancelled, kept for the log and for tests. */
export interface BlockedRequest {
  readonly url: string;
  readonly resourceType: string;
}

/**
 * Applies the policy to a session: cancels every request that would leave the app, adds the CSP to
 * every response, denies every permission, device and screen-capture request, refuses downloads
 * (files are written only through the save dialog) and turns off the spellchecker, whose
 * dictionaries would otherwise be downloaded.
 */
export function hardenSession(session: Session, onBlocked: (request: BlockedRequest) => void = () => undefined): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) onBlocked({ url: details.url, resourceType: details.resourceType });
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('will-download', (event) => event.preventDefault());
  session.setSpellCheckerEnabled(false);
}

/**
 * Applies the policy to any web contents (windows, and anything else that may ever be created):
 * no navigation away from the loaded page, no redirects, no new windows, no webviews.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
