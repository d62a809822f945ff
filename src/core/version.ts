/** The application version, stamped into reports, bundles and audit entries. */
export const APP_VERSION = '0.1.0';
