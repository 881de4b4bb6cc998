// Test images made in the browser with a canvas, for play functions and demos: no fixtures to ship.

export interface SceneOptions {
  width?: number;
  height?: number;
  /** Changes the colours, so several references look different. */
  hue?: number;
  type?: 'image/png' | 'image/jpeg' | 'image/webp';
  name?: string;
}

/** A small landscape (sky, sun, hill, a house) as an image File. */
export async function sceneFile(options: SceneOptions = {}): Promise<File> {
  const { width = 640, height = 480, hue = 210, type = 'image/png' } = options;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  const sky = ctx.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, `hsl(${hue} 75% 58%)`);
  sky.addColorStop(1, `hsl(${hue} 90% 88%)`);
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = `hsl(${(hue + 190) % 360} 95% 62%)`;
  ctx.beginPath();
  ctx.arc(width * 0.73, height * 0.28, Math.min(width, height) * 0.12, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = `hsl(${(hue + 250) % 360} 50% 38%)`;
  ctx.beginPath();
  ctx.ellipse(width * 0.4, height * 1.05, width * 0.65, height * 0.42, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = `hsl(${(hue + 150) % 360} 60% 45%)`;
  ctx.fillRect(width * 0.31, height * 0.5, width * 0.17, height * 0.17);
  ctx.fillStyle = `hsl(${(hue + 150) % 360} 60% 28%)`;
  ctx.beginPath();
  ctx.moveTo(width * 0.29, height * 0.5);
  ctx.lineTo(width * 0.395, height * 0.39);
  ctx.lineTo(width * 0.5, height * 0.5);
  ctx.fill();
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob failed'))), type, 0.92),
  );
  const extension = type === 'image/jpeg' ? 'jpg' : type.slice(6);
  return new File([blob], options.name ?? `scene-${hue}.${extension}`, { type });
}

/** A text file pretending to be a PNG: the picker must reject it by its bytes, not its name. */
export function fakePngFile(): File {
  return new File(['this is not an image, whatever the name says'], 'holiday.png', { type: 'image/png' });
}

/** A real PNG with a 6:1 aspect ratio: outside the API's 1:4..4:1. */
export function panoramaFile(): Promise<File> {
  return sceneFile({ width: 1200, height: 200, name: 'panorama.png' });
}

/** The file as a `data:` URI (for controlled values and hooks stories that send images inline). */
export function toDataUri(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
