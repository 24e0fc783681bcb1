export * from './api';
export * from './calls';
export * from './events';
export * from './result';
export * from './ipcChannels';
