import { useEffect, useState } from 'react';
import { sceneFile, toDataUri, type SceneOptions } from './images.js';

/** A reference drawn on a canvas once, as a `data:` URI (null until ready). */
export function useSceneDataUri(options?: SceneOptions): string | null {
  const [uri, setUri] = useState<string | null>(null);
  const key = JSON.stringify(options ?? {});
  useEffect(() => {
    let live = true;
    void sceneFile(options)
      .then(toDataUri)
      .then((value) => live && setUri(value));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return uri;
}
