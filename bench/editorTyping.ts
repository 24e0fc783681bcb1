import type { Browser, Page } from 'playwright-core';

/** One typing run: keydown → next frame per key, main-thread time, and the saves it saw. */
export interface TypingRun {
  samples: number[];
  /** Keystrokes whose keydown fell within a second after an autosave began. */
  aroundSave: number[];
  saves: number;
  keys: number;
  /** Main-thread busy time (union of top-level tasks) over the measured window. */
  mainThreadMs: number;
}

const phrase = 'cac dong chi lanh dao tinh da den du va phat bieu chi dao hoi nghi ';
const categories = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** In the page: for every keydown, the time from the event to just after the next frame; saves seen. */
const probe = `
  window.__samples = [];
  window.__saves = [];
  document.addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__samples.push([start, performance.now() - start]);
      channel.port2.postMessage(0);
    });
  }, true);
  const status = document.querySelector('[data-testid="save-status"]');
  if (status) new MutationObserver(() => {
    if (status.getAttribute('data-state') === 'saving') window.__saves.push(performance.now());
  }).observe(status, { attributes: true, attributeFilter: ['data-state'] });
`;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  args?: { name?: string };
}

/** Busy time of the renderers' main threads: the union of their top-level task intervals. */
export function mainThreadBusyMs(trace: Buffer): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const spans = new Map<string, [number, number][]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.ts === undefined || !e.dur) continue;
    if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
    const thread = `${e.pid}:${e.tid}`;
    if (!mains.has(thread)) continue;
    const list = spans.get(thread) ?? [];
    list.push([e.ts, e.ts + e.dur]);
    spans.set(thread, list);
  }
  let busy = 0;
  for (const list of spans.values()) {
    list.sort((a, b) => a[0] - b[0]);
    let [start, end] = list[0] ?? [0, 0];
    for (const [s, e] of list.slice(1)) {
      if (s > end) {
        busy += end - start;
        [start, end] = [s, e];
      } else end = Math.max(end, e);
    }
    busy += end - start;
  }
  return busy / 1000;
}

/**
 * Types the bench's phrase `rounds` times into the `nth` paragraph of the page's editor, with a
 * reporter's pause after each phrase (autosave and spellcheck run there), traced by Chromium.
 */
export async function measureTyping(
  browser: Browser,
  page: Page,
  options: { rounds: number; nth: number; pauseMs: number },
): Promise<TypingRun> {
  await page.evaluate(probe);
  await page.locator('[data-testid="editor-body"] p').nth(options.nth).click();
  await page.waitForTimeout(options.pauseMs);
  await page.evaluate('window.__samples = []; window.__saves = [];');
  await browser.startTracing(page, { categories });
  for (let round = 0; round < options.rounds; round += 1) {
    await page.keyboard.type(phrase, { delay: 45 });
    await page.waitForTimeout(options.pauseMs);
  }
  const trace = await browser.stopTracing();
  const raw = await page.evaluate<[number, number][]>('window.__samples');
  const saves = await page.evaluate<number[]>('window.__saves');
  const aroundSave = raw
    .filter(([start]) => saves.some((at) => start >= at - 50 && start <= at + 1000))
    .map(([, duration]) => duration);
  return {
    samples: raw.map(([, duration]) => duration),
    aroundSave,
    saves: saves.length,
    keys: options.rounds * phrase.length,
    mainThreadMs: mainThreadBusyMs(trace),
  };
}

/** Newsdesk's editor typography, so the bare page lays out the same text at the same width. */
export async function editorTypography(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const body = document.querySelector('[data-testid="editor-body"]');
    const style = getComputedStyle(body);
    return ['width:' + body.getBoundingClientRect().width + 'px', 'box-sizing:border-box',
      'padding:' + style.padding, 'font-family:' + style.fontFamily, 'font-size:' + style.fontSize,
      'line-height:' + style.lineHeight, 'margin:10px 24px'].join(';');
  })()`);
}
