#!/usr/bin/env node
// `npm start` runs this first: without Electron's binary (an offline install, or
// ELECTRON_SKIP_BINARY_DOWNLOAD=1) electron-vite would fail with a stack trace. Say what to do.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let binary = '';
try {
  binary = require('electron');
} catch {
  binary = '';
}
if (typeof binary === 'string' && binary !== '' && fs.existsSync(binary)) process.exit(0);

process.stderr.write(
  [
    'Chưa có chương trình Electron trên máy này, nên không mở được cửa sổ Newsdesk.',
    '  • Trên máy có Internet: chạy lại `npm ci` (không đặt ELECTRON_SKIP_BINARY_DOWNLOAD) rồi `npm start`.',
    '  • Trên máy không có Internet: dùng bản chạy trong trình duyệt: `npm run web`.',
    '',
    "Electron's binary is not installed, so the desktop window cannot start.",
    '  • With internet: run `npm ci` again (without ELECTRON_SKIP_BINARY_DOWNLOAD), then `npm start`.',
    '  • Offline: use the browser shell: `npm run web`.',
    '',
  ].join('\n'),
);
process.exit(1);
