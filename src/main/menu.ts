/**
 * The application menu: the usual File, Edit, View, Window and Help menus, built from roles so the
 * standard shortcuts work. Nothing in it opens a web page: Help shows the version and where the
 * data lives, in a local dialog.
 */
import { Menu, dialog } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { AppInfo } from '../ipc/contract';

export interface MenuOptions {
  readonly isMac: boolean;
  readonly devTools: boolean;
  readonly appInfo: () => AppInfo;
}

/** The menu template; separate from installing it so it can be checked without a display. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const about = {
    label: 'About Subtier',
    click: () => {
      const info = options.appInfo();
      void dialog.showMessageBox({
        type: 'info',
        title: 'About Subtier',
        message: `Subtier ${info.version}`,
        detail: 'Offline due diligence on contractor chains. Subtier makes no network connections.\n\n'
          + `Database: ${info.dataLocations.database}\nLogs: ${info.dataLocations.logs}`,
      });
    },
  };
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' }, { type: 'separator' },
    { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' },
    { role: 'togglefullscreen' },
    ...(options.devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
  ];
  return [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [options.isMac ? { role: 'close' as const } : { role: 'quit' as const }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [about] },
  ];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
