import { useState } from 'react';
import { useEdit } from '../../src/index.js';

/** A complete editor in plain HTML, built only on `useEdit`: no components, no stylesheet. */
export function MinimalEditor() {
  const [file, setFile] = useState<File | null>(null);
  const [prompt, setPrompt] = useState('Keep the scene. Make it black and white.');
  const edit = useEdit(); // uploads the File, submits once, follows the prediction

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (file) edit.edit({ prompt, images: [file], output_format: 'png' });
      }}
    >
      <input type="file" accept="image/png,image/jpeg,image/webp" aria-label="Reference image"
        onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)} />
      <textarea aria-label="Prompt" value={prompt} onChange={(event) => setPrompt(event.currentTarget.value)} />
      <button type="submit" disabled={!file || edit.isPending}>Run edit</button>
      {edit.isPending && <button type="button" onClick={edit.cancel}>Cancel</button>}

      <p role="status">
        {edit.status} {edit.status !== 'idle' && `· ${(edit.elapsedMs / 1000).toFixed(1)} s`}
        {edit.prediction && ` · ${edit.prediction.id}`}
      </p>
      {edit.error && (
        <p role="alert">
          {edit.error.code}: {edit.error.message}
        </p>
      )}
      {edit.outputs[0] && <img src={edit.outputs[0]} alt={`Edited image: ${prompt}`} width={512} />}
    </form>
  );
}
