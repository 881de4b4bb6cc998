// The local engine inside a page (the static Storybook's backend): one 2048×2048 edit ("…make it warmer and
// sharpen it") of a 3000×2000 photo, run on the page's main thread and in a Web Worker (connectEngineWorker), in
// the same headless Chromium. Prints the time to the finished prediction and the longest main-thread block
// (setTimeout(0) gap probe, and PerformanceObserver long tasks). Asserts nothing.
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium, MAIN_THREAD_PROBE, servePage, type ProbeWindow, type RunFigures } from './browser.helper.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = fileURLToPath(new URL('..', import.meta.url));

const bundle = (contents: string) =>
  build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    external: ['sharp'],
  }).then((r) => r.outputFiles[0]!.text);

const [page, worker] = await Promise.all([
  bundle(`
    import { createClient } from './src/core/index.ts';
    import { createLocalEngine, connectEngineWorker } from './src/engine/index.ts';
    window.bench = { createClient, createLocalEngine, connectEngineWorker };
  `),
  bundle(`import { serveEngineInWorker } from './src/engine/index.ts'; serveEngineInWorker();`),
]);
const files: Record<string, [string, string]> = {
  '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>engine bench</title><script type="module" src="/page.js"></script>'],
  '/page.js': ['text/javascript', page],
  '/worker.js': ['text/javascript', worker],
};
const server = await servePage(files);
const origin = server.origin;
const browser = await launchChromium();


try {
  const tab = await browser.newPage();
  await tab.addInitScript(MAIN_THREAD_PROBE);
  tab.on('pageerror', (error) => console.error('page error:', error.message));
  await tab.goto(origin);
  await tab.waitForFunction(() => 'bench' in window);
  const results = await tab.evaluate(async (runs) => {
    const { createClient, createLocalEngine, connectEngineWorker } = (window as any).bench;
    const canvas = new OffscreenCanvas(3000, 2000);
    const ctx = canvas.getContext('2d')!;
    const gradient = ctx.createLinearGradient(0, 0, 3000, 2000);
    gradient.addColorStop(0, '#2a4d69');
    gradient.addColorStop(1, '#e0c097');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, 3000, 2000);
    for (let i = 0; i < 800; i++) {
      ctx.fillStyle = `hsla(${(i * 47) % 360},60%,50%,0.4)`;
      ctx.beginPath();
      ctx.arc((i * 7919) % 3000, (i * 104729) % 2000, 10 + (i % 120), 0, Math.PI * 2);
      ctx.fill();
    }
    const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let binary = '';
    for (let i = 0; i < jpeg.length; i += 0x8000) binary += String.fromCharCode(...jpeg.subarray(i, i + 0x8000));
    const image = `data:image/jpeg;base64,${btoa(binary)}`;

    const probe = () => (window as unknown as ProbeWindow).probeMainThread();
    const longTasks: PerformanceEntry[] = [];
    new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: false });

    async function measure(name: string, engine: (r: Request) => Promise<Response>) {
      const client = createClient({ baseUrl: `${location.origin}/api/hidream`, fetch: (input: RequestInfo, init?: RequestInit) => engine(new Request(input, init)) });
      const edit = (seed: number) =>
        client.edit({ prompt: 'Keep the subject. Make it warmer and sharpen it.', images: [image], size: '2048*2048', seed, output_format: 'jpeg' }, { interval: 50 });
      const figures: RunFigures = { name, times: [], gaps: [], longTasks: [] };
      await edit(0); // warm-up
      for (let i = 1; i <= runs; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const stop = probe();
        const start = performance.now();
        await edit(i);
        const time = performance.now() - start;
        figures.gaps.push(stop());
        await new Promise((r) => setTimeout(r, 20));
        figures.times.push(time);
        const end = start + time;
        figures.longTasks.push(Math.max(0, ...longTasks.filter((t) => t.startTime < end && t.startTime + t.duration > start).map((t) => t.duration)));
      }
      return figures;
    }
    const options = { latency: 0, random: 1 };
    const inPage = await measure('engine on the main thread', createLocalEngine(options));
    const worker = new Worker('/worker.js', { type: 'module' });
    const inWorker = await measure('engine in a Web Worker', connectEngineWorker(worker, options));
    worker.terminate();
    return [inPage, inWorker];
  }, RUNS);

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(8);
  console.log(`Chromium ${browser.version()}, 3000×2000 JPEG → 2048×2048 edit (warmer + sharpen), canvas imaging, ${RUNS} runs after 1 warm-up; ${cpus().length} CPUs`);
  for (const r of results as RunFigures[]) {
    console.log(
      `${r.name.padEnd(28)} median ${ms(median(r.times))}  longest main-thread block ${ms(Math.max(...r.gaps))} (probe), ${ms(Math.max(...r.longTasks))} (longtask)`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
