import { useState, type ReactNode } from 'react';
import type { EditRequest, UseEditResult } from '../../src/react/index.js';
import { useEdit } from '../../src/react/index.js';
import { useSceneDataUri } from './scene.js';

export interface EditHarnessProps {
  /** The prompt the textbox starts with. */
  prompt: string;
  /** Extra fields of the edit request (size, format, seed, sync mode...). */
  request?: Partial<EditRequest>;
  /** Renders the result area from the running edit, the current source and the prompt. */
  children(props: { edit: UseEditResult; source: string | null; prompt: string; run(): void; setSource(uri: string): void }): ReactNode;
}

/**
 * The smallest app around a result view: a reference drawn on a canvas, a prompt, a Run button and `useEdit`.
 * The ResultViewer stories put their viewer in it.
 */
export function EditHarness({ prompt: initialPrompt, request, children }: EditHarnessProps) {
  const scene = useSceneDataUri();
  const [edited, setEdited] = useState<string | null>(null);
  const source = edited ?? scene;
  const [prompt, setPrompt] = useState(initialPrompt);
  const edit = useEdit();
  const run = () => {
    if (source) edit.edit({ size: '2048*1536', output_format: 'png', seed: 42, ...request, prompt, images: [source] });
  };
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 640 }}>
      <form
        style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        {source && <img src={source} alt="Reference" width={96} height={72} style={{ objectFit: 'cover' }} />}
        <label style={{ display: 'grid', flex: 1, minWidth: 240 }}>
          Prompt
          <input value={prompt} onChange={(e) => setPrompt(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!source || edit.isPending}>
          Run edit
        </button>
      </form>
      {children({ edit, source, prompt, run, setSource: setEdited })}
    </div>
  );
}
