import { useState } from 'react';
import { useHidreamClient, usePrediction } from '../../src/index.js';

/**
 * Follows a prediction by id with `usePrediction` — one submitted elsewhere (by your server, another tab, before
 * a reload). Here "elsewhere" is a plain `client.submit` call.
 */
export function ResumePrediction({ image }: { image: string }) {
  const client = useHidreamClient();
  const [id, setId] = useState('');
  const [followed, setFollowed] = useState<string | null>(null);
  const { prediction, isTerminal, error } = usePrediction(followed);

  const submitElsewhere = async () => {
    const submitted = await client.submit({ prompt: 'Keep the scene. Make it sepia.', images: [image], output_format: 'png' });
    setId(submitted.id);
  };

  return (
    <div>
      <button type="button" onClick={submitElsewhere}>Submit an edit elsewhere</button>
      <label>
        Prediction id <input value={id} onChange={(event) => setId(event.currentTarget.value)} />
      </label>
      <button type="button" disabled={!id} onClick={() => setFollowed(id)}>Follow</button>

      <p role="status">{prediction ? `${prediction.status}${isTerminal ? ' (final)' : ''}` : 'not following'}</p>
      {error && <p role="alert">{error.message}</p>}
      {prediction?.outputs[0] && <img src={prediction.outputs[0]} alt="Edited image (resumed)" width={512} />}
    </div>
  );
}
