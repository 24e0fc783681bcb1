// Deliberate layering violation: the renderer must go through the contract.
import { ipcRenderer } from 'electron';

import { createCore } from '../../../electron/core/app/createCore';

/** Would open the database from the renderer. */
export const open = (): unknown => [createCore, ipcRenderer];
