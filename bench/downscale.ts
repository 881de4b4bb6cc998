// 24-megapixel JPEG (6000×4000) → 2048 px long side in headless Chromium: our worker downscale
// (src/components/reference-picker/downscale.ts) beside browser-image-compression (maxWidthOrHeight 2048,
// useWebWorker true), in the same page and run. Prints the median time and the longest main-thread block
// (a setTimeout(0) gap probe, and PerformanceObserver long tasks) for each. Targets for ours: median ≤ 350 ms,
// longest block ≤ 50 ms.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium, MAIN_THREAD_PROBE, servePage, type ProbeWindow, type RunFigures } from './browser.helper.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const root = fileURLToPath(new URL('..', import.meta.url));

const bundle = await build({
  stdin: {
    contents: `
      import { downscaleImage } from './src/components/reference-picker/downscale.ts';
      import imageCompression from 'browser-image-compression';
      window.bench = { downscaleImage, imageCompression };
    `,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'error',
});
const files: Record<string, [string, string]> = {
  '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>downscale bench</title><script src="/bench.js"></script>'],
  '/bench.js': ['text/javascript', bundle.outputFiles[0]!.text],
  '/bic.js': ['text/javascript', readFileSync(`${root}node_modules/browser-image-compression/dist/browser-image-compression.js`, 'utf8')],
};
const server = await servePage(files);
const origin = server.origin;

const browser = await launchChromium();

interface Figures extends RunFigures {
  output: string;
  via?: string;
}

try {
  const page = await browser.newPage();
  await page.addInitScript(MAIN_THREAD_PROBE);
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(origin);
  const result = await page.evaluate(
    async ({ runs, libURL }) => {
      type Bench = {
        downscaleImage(blob: Blob, o?: object): Promise<{ blob: Blob; width: number; height: number; via: string }>;
        imageCompression(file: File, o: object): Promise<Blob>;
      };
      const { downscaleImage, imageCompression } = (window as unknown as { bench: Bench }).bench;

      // A photo-like 6000×4000 JPEG: gradients, shapes and fine noise (so it does not compress to nothing).
      const canvas = new OffscreenCanvas(6000, 4000);
      const ctx = canvas.getContext('2d')!;
      const gradient = ctx.createLinearGradient(0, 0, 6000, 4000);
      gradient.addColorStop(0, '#2a4d69');
      gradient.addColorStop(0.5, '#e0c097');
      gradient.addColorStop(1, '#5d2e46');
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, 6000, 4000);
      for (let i = 0; i < 3000; i++) {
        ctx.fillStyle = `hsla(${(i * 47) % 360},60%,${30 + (i % 40)}%,0.35)`;
        ctx.beginPath();
        ctx.arc((i * 7919) % 6000, (i * 104729) % 4000, 10 + (i % 150), 0, Math.PI * 2);
        ctx.fill();
      }
      const noise = new ImageData(500, 500);
      for (let i = 0; i < noise.data.length; i += 4) {
        const v = (Math.random() * 60) | 0;
        noise.data[i] = noise.data[i + 1] = noise.data[i + 2] = v;
        noise.data[i + 3] = 40;
      }
      const tile = await createImageBitmap(noise);
      ctx.globalCompositeOperation = 'overlay';
      for (let x = 0; x < 6000; x += 500) for (let y = 0; y < 4000; y += 500) ctx.drawImage(tile, x, y);
      const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const file = new File([jpeg], 'photo.jpg', { type: 'image/jpeg' });

      const probe = () => (window as unknown as ProbeWindow).probeMainThread();
      const longTasks: PerformanceEntry[] = [];
      new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: false });

      async function measure(name: string, run: () => Promise<{ blob: Blob; via?: string }>) {
        const figures = { name, times: [] as number[], gaps: [] as number[], longTasks: [] as number[], output: '', via: undefined as string | undefined };
        await run(); // warm-up: worker start, code paths
        for (let i = 0; i < runs; i++) {
          await new Promise((r) => setTimeout(r, 50));
          const stop = probe();
          const start = performance.now();
          const out = await run();
          const time = performance.now() - start;
          const gap = stop();
          await new Promise((r) => setTimeout(r, 20)); // let the observer deliver
          figures.times.push(time);
          figures.gaps.push(gap);
          const end = start + time;
          figures.longTasks.push(Math.max(0, ...longTasks.filter((t) => t.startTime < end && t.startTime + t.duration > start).map((t) => t.duration)));
          const bitmap = await createImageBitmap(out.blob);
          figures.output = `${bitmap.width}×${bitmap.height} ${out.blob.type} ${(out.blob.size / 1024).toFixed(0)} KB`;
          figures.via = out.via;
          bitmap.close();
        }
        return figures;
      }

      const ours = await measure('hidream-edit downscaleImage', async () => downscaleImage(file, { maxSide: 2048, quality: 0.9 }));
      const theirs = await measure('browser-image-compression', async () => ({
        blob: await imageCompression(file, { maxWidthOrHeight: 2048, useWebWorker: true, initialQuality: 0.9, libURL }),
      }));
      // For reference: the same worker with createImageBitmap's own resize (resizeQuality "high") instead of
      // decode-then-canvas-scale, the variant downscale.ts does not use because it measured slower.
      const resizeWorker = new Worker(
        URL.createObjectURL(
          new Blob(
            [
              `self.onmessage = async (e) => {
                const { blob, width, height } = e.data;
                const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image', resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
                const canvas = new OffscreenCanvas(width, height);
                canvas.getContext('2d').drawImage(bitmap, 0, 0);
                bitmap.close();
                self.postMessage(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 }));
              };`,
            ],
            { type: 'text/javascript' },
          ),
        ),
      );
      const resize = await measure('createImageBitmap resize "high"', () =>
        new Promise((resolve) => {
          resizeWorker.onmessage = (e: MessageEvent<Blob>) => resolve({ blob: e.data, via: 'worker' });
          resizeWorker.postMessage({ blob: file, width: 2048, height: 1365 });
        }),
      );
      resizeWorker.terminate();
      return { input: `${(jpeg.size / 1048576).toFixed(1)} MB`, results: [ours, theirs, resize] };
    },
    { runs: RUNS, libURL: `${origin}/bic.js` },
  );

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `Chromium ${browser.version()}, 6000×4000 JPEG (${result.input}) → 2048 long side, ${RUNS} runs after 1 warm-up; ` +
      `${cpus().length} CPUs, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`,
  );
  for (const r of result.results as Figures[]) {
    console.log(
      `${r.name.padEnd(30)} median ${ms(median(r.times)).padStart(7)}  min ${ms(Math.min(...r.times)).padStart(7)}  max ${ms(Math.max(...r.times)).padStart(7)}` +
        `  longest main-thread block ${ms(Math.max(...r.gaps)).padStart(6)} (probe; median run ${ms(median(r.gaps))}), ${ms(Math.max(...r.longTasks)).padStart(6)} (longtask)` +
        `  → ${r.output}${r.via ? ` via ${r.via}` : ''}`,
    );
  }
  if (process.env.BENCH_VERBOSE) for (const r of result.results as Figures[]) console.log(r.name, r.times.map(Math.round), r.gaps.map(Math.round), r.longTasks.map(Math.round));
  const [ours] = result.results as Figures[];
  const fast = median(ours!.times) <= 350;
  const longTask = Math.max(...ours!.longTasks) <= 50;
  const probe = Math.max(...ours!.gaps) <= 50;
  console.log(
    `targets for ours: median ≤ 350 ms ${fast ? 'met' : 'NOT met'}; longest block ≤ 50 ms ${longTask ? 'met' : 'NOT met'} by long tasks, ` +
      `${probe ? 'met' : 'NOT met'} by the probe (which also counts time the OS did not schedule the page: see the load average)`,
  );
} finally {
  await browser.close();
  server.close();
}
