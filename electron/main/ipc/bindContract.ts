import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';

import { callNames } from '../../../shared/contract/calls';
import { callChannel, eventChannel } from '../../../shared/contract/ipcChannels';
import { fail } from '../../../shared/contract/result';
import type { Core } from '../../core/app/createCore';

/**
 * Binds every contract call to the core. The sender must be our window showing our own origin;
 * anything else (an injected frame, a navigated page) is refused before the core sees it.
 */
export function bindContract(
  core: Pick<Core, 'dispatch' | 'events' | 'logger'>,
  getWindow: () => BrowserWindow | null,
  isAppUrl: (url: string) => boolean,
): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const window = getWindow();
    const frameUrl = event.senderFrame?.url ?? '';
    return window !== null && event.sender === window.webContents && isAppUrl(frameUrl);
  };
  for (const name of callNames) {
    ipcMain.handle(callChannel(name), (event, input: unknown) => {
      if (!trusted(event)) {
        core.logger.warn('refused ipc from untrusted sender', {
          name,
          url: event.senderFrame?.url,
        });
        return fail({
          code: 'forbidden',
          message: 'Yêu cầu không đến từ cửa sổ Newsdesk nên bị từ chối.',
        });
      }
      return core.dispatch(name, input, { shell: 'desktop' });
    });
  }
  const unsubscribe = core.events.subscribe((message) => {
    getWindow()?.webContents.send(eventChannel(message.name), message.payload);
  });
  return () => {
    unsubscribe();
    for (const name of callNames) ipcMain.removeHandler(callChannel(name));
  };
}
