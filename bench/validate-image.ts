// Times validateImageBytes on a 20000×20000 PNG bomb header and on a real 24 MP JPEG (6000×4000, EXIF
// orientation 6): the header is all it reads, so both should take microseconds.
// Run: node --import tsx bench/validate-image.ts
import { validateImageBytes } from '../src/core/index.js';
import { pngBomb, realImage } from '../test/fixtures/corpus.js';

function median(fn: () => void, runs = 20_000): number {
  for (let i = 0; i < 1000; i++) fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]! * 1000;
}

const bomb = pngBomb();
const photo = await realImage('jpeg', 6000, 4000, { orientation: 6 });
const cases: [string, Uint8Array][] = [
  [`PNG bomb 20000×20000 (${bomb.length} B)`, bomb],
  [`JPEG 6000×4000 24 MP, EXIF (${(photo.length / 1048576).toFixed(1)} MB)`, photo],
];
for (const [name, bytes] of cases) {
  const { errors } = validateImageBytes(bytes, 'images[0]');
  console.log(`${name}: median ${median(() => validateImageBytes(bytes, 'images[0]')).toFixed(2)} µs → ${errors.map((e) => e.code).join(', ') || 'valid'}`);
}
