import { contextBridge, ipcRenderer } from 'electron';

import type { NewsdeskApi } from '../../shared/contract/api';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { isCallName } from '../../shared/contract/calls';
import { isEventName } from '../../shared/contract/events';
import type { ShortcutId } from '../../shared/app/shortcuts';
import { isShortcutId } from '../../shared/app/shortcuts';
import {
  callChannel,
  closeReadyChannel,
  closeRequestChannel,
  eventChannel,
  shortcutChannel,
} from '../../shared/contract/ipcChannels';
import type { Result } from '../../shared/contract/result';
import { fail } from '../../shared/contract/result';

/**
 * The only thing the sandboxed renderer gets: one typed API built from the contract map. No raw
 * ipcRenderer, no generic invoke; unknown names never reach IPC.
 */
const api: NewsdeskApi & {
  onCloseRequest(handler: () => Promise<void>): () => void;
  onShortcut(handler: (id: ShortcutId) => void): () => void;
} = {
  shell: 'desktop',
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
    if (!isCallName(name)) {
      return Promise.resolve(fail({ code: 'unknown_call', message: 'Chức năng không tồn tại.' }));
    }
    return ipcRenderer.invoke(callChannel(name), input) as Promise<Result<CallOutput<K>>>;
  },
  on(name, listener) {
    if (!isEventName(name)) return () => undefined;
    const channel = eventChannel(name);
    const wrapped = (_event: unknown, payload: Parameters<typeof listener>[0]): void =>
      listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
  mediaUrl(relativePath) {
    return `media://library/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
  },
  onCloseRequest(handler) {
    const listener = (): void => {
      void handler().finally(() => ipcRenderer.send(closeReadyChannel));
    };
    ipcRenderer.on(closeRequestChannel, listener);
    return () => {
      ipcRenderer.removeListener(closeRequestChannel, listener);
    };
  },
  /** A menu item for an application shortcut was chosen; unknown ids never reach the page. */
  onShortcut(handler) {
    const listener = (_event: unknown, id: unknown): void => {
      if (isShortcutId(id)) handler(id);
    };
    ipcRenderer.on(shortcutChannel, listener);
    return () => {
      ipcRenderer.removeListener(shortcutChannel, listener);
    };
  },
};

contextBridge.exposeInMainWorld('newsdesk', api);
