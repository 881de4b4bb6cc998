/** Every visible or announced string of `ReferencePicker`; pass a partial object as `labels` to translate. */
export interface ReferencePickerLabels {
  /** Accessible name of the whole picker (a group). */
  root: string;
  /** Default content of the dropzone. */
  dropzone: string;
  /** Accessible name of the hidden file input. */
  input: string;
  /** Accessible name and placeholder of the URL field. */
  urlInput: string;
  urlPlaceholder: string;
  urlSubmit: string;
  /** Accessible name of the list. */
  list: string;
  /** Accessible name of one item: `photo.jpg, 1 of 3`. */
  item(name: string, position: number, count: number): string;
  /** Shown while a large photo is downscaled. */
  processing: string;
  remove(name: string): string;
  removeContent: string;
  moveUp(name: string): string;
  moveUpContent: string;
  moveDown(name: string): string;
  moveDownContent: string;
  /** `2 of 5 images`. */
  count(count: number, max: number): string;
  /** Name of an image pasted or added without a file name. */
  untitled: string;
  // Announcements (live region).
  added(names: string[], count: number, max: number): string;
  removed(name: string, count: number, max: number): string;
  moved(name: string, position: number, count: number): string;
  rejected(count: number): string;
  // Rejection messages.
  unsupportedFormat(name: string): string;
  tooLarge(name: string, megabytes: number, limitMegabytes: number): string;
  aspectRatio(name: string, width: number, height: number): string;
  tooManyPixels(name: string, width: number, height: number, limitMegapixels: number): string;
  corruptImage(name: string): string;
  tooMany(name: string, max: number): string;
  urlUnreachable(url: string): string;
  invalidUrl(url: string): string;
}

const mb = (n: number) => `${+n.toFixed(1)} MB`;

export const defaultReferencePickerLabels: ReferencePickerLabels = {
  root: 'Reference images',
  dropzone: 'Drop images here, paste them, or click to choose (PNG, JPEG or WebP)',
  input: 'Add reference images',
  urlInput: 'Image URL',
  urlPlaceholder: 'https://example.com/photo.jpg',
  urlSubmit: 'Add URL',
  list: 'Chosen reference images',
  item: (name, position, count) => `${name}, ${position} of ${count}`,
  processing: 'Resizing…',
  remove: (name) => `Remove ${name}`,
  removeContent: '×',
  moveUp: (name) => `Move ${name} up`,
  moveUpContent: '↑',
  moveDown: (name) => `Move ${name} down`,
  moveDownContent: '↓',
  count: (count, max) => `${count} of ${max} images`,
  untitled: 'Pasted image',
  added: (names, count, max) => `Added ${names.join(', ')}. ${count} of ${max} images.`,
  removed: (name, count, max) => `Removed ${name}. ${count} of ${max} images.`,
  moved: (name, position, count) => `Moved ${name} to position ${position} of ${count}`,
  rejected: (count) => (count === 1 ? '1 image was not added.' : `${count} images were not added.`),
  unsupportedFormat: (name) => `${name} is not a PNG, JPEG or WebP image.`,
  tooLarge: (name, size, limit) => `${name} is ${mb(size)}; the limit is ${mb(limit)}.`,
  aspectRatio: (name, w, h) => `${name} is ${w}×${h}; the aspect ratio must be between 1:4 and 4:1.`,
  tooManyPixels: (name, w, h, limit) => `${name} is ${w}×${h} pixels; the limit is ${limit} megapixels.`,
  corruptImage: (name) => `${name} could not be read: the file is damaged or cut off.`,
  tooMany: (name, max) => `${name} was not added: at most ${max} images.`,
  urlUnreachable: (url) => `${url} could not be loaded. Check that the image is public.`,
  invalidUrl: (url) => `${url || 'That'} is not an image URL (use http:// or https://).`,
};
