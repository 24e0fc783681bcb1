// Deliberate layering violation: shared/ must not touch Electron or the DOM.
import { app } from 'electron';

/** Would reach the DOM and Electron from shared code. */
export const title = (): string => `${app.getName()} ${document.title}`;
