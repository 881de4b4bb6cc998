// Type tests: checked by `tsc --noEmit`; they stop compiling when the public hook types regress.
import { useSuspenseQuery, type QueryKey } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import type { EditError, HidreamClient, Prediction } from '../../src/core/index.js';
import {
  hidreamKeys,
  predictionQueryOptions,
  useEdit,
  useHidreamClient,
  usePrediction,
  type EditRequest,
  type EditStatus,
  type UseEditOptions,
  type UseEditResult,
  type UsePredictionResult,
  type UploadProgress,
} from '../../src/react/index.js';

declare const client: HidreamClient;

describe('useEdit types', () => {
  it('has the documented result', () => {
    const result = useEdit();
    expectTypeOf(result).toEqualTypeOf<UseEditResult>();
    expectTypeOf(result.status).toEqualTypeOf<EditStatus>();
    expectTypeOf<EditStatus>().toEqualTypeOf<'idle' | 'uploading' | 'submitting' | 'processing' | 'completed' | 'failed'>();
    expectTypeOf(result.prediction).toEqualTypeOf<Prediction | undefined>();
    expectTypeOf(result.outputs).toEqualTypeOf<string[]>();
    expectTypeOf(result.error).toEqualTypeOf<EditError | null>();
    expectTypeOf(result.uploadProgress).toEqualTypeOf<UploadProgress | null>();
    expectTypeOf(result.elapsedMs).toEqualTypeOf<number>();
    expectTypeOf(result.isPending).toEqualTypeOf<boolean>();
    expectTypeOf(result.edit).returns.toEqualTypeOf<void>();
    expectTypeOf(result.editAsync).returns.toEqualTypeOf<Promise<Prediction>>();
    expectTypeOf(result.cancel).toEqualTypeOf<() => void>();
    expectTypeOf(result.reset).toEqualTypeOf<() => void>();
  });

  it('accepts Files, Blobs and strings as images, and nothing else', () => {
    const { edit } = useEdit();
    edit({ prompt: 'x', images: ['https://example.com/a.png', new Blob([]), new File([], 'a.png')] });
    edit({ prompt: 'x', images: [], size: '1024*1024', output_format: 'webp', seed: 3 });
    // @ts-expect-error numbers are not images
    edit({ prompt: 'x', images: [1] });
    // @ts-expect-error the prompt is required
    edit({ images: [] });
    // @ts-expect-error not an output format
    edit({ prompt: 'x', images: [], output_format: 'gif' });
    expectTypeOf<EditRequest['images'][number]>().toEqualTypeOf<string | Blob>();
  });

  it('types its options and callbacks', () => {
    useEdit({
      images: 'data-uri',
      persist: 'local',
      persistKey: 'k',
      onSubmitted: (p) => expectTypeOf(p).toEqualTypeOf<Prediction>(),
      onCompleted: (p) => expectTypeOf(p.outputs).toEqualTypeOf<string[]>(),
      onError: (e) => expectTypeOf(e).toEqualTypeOf<EditError>(),
      onStatusChange: (s) => expectTypeOf(s).toEqualTypeOf<EditStatus>(),
    });
    // @ts-expect-error only session or local storage
    useEdit({ persist: 'cookie' });
    // @ts-expect-error only upload or data-uri
    useEdit({ images: 'base64' });
    expectTypeOf<UseEditOptions['persist']>().toEqualTypeOf<'session' | 'local' | false | undefined>();
  });
});

describe('usePrediction and its query options', () => {
  it('exposes the prediction and the query', () => {
    const result = usePrediction('pred_1');
    expectTypeOf(result).toEqualTypeOf<UsePredictionResult>();
    expectTypeOf(result.data).toEqualTypeOf<Prediction | undefined>();
    expectTypeOf(result.prediction).toEqualTypeOf<Prediction | undefined>();
    expectTypeOf(result.error).toEqualTypeOf<EditError | null>();
    expectTypeOf(result.isTerminal).toEqualTypeOf<boolean>();
    usePrediction(null);
    usePrediction(undefined, { enabled: false });
  });

  it('works with useSuspenseQuery and typed query keys', () => {
    const { data } = useSuspenseQuery(predictionQueryOptions(client, 'pred_1'));
    expectTypeOf(data).toEqualTypeOf<Prediction>();
    expectTypeOf(predictionQueryOptions(client, 'pred_1').queryKey).toExtend<QueryKey>();
    expectTypeOf(hidreamKeys.prediction('x')).toEqualTypeOf<readonly ['hidream-edit', 'prediction', string]>();
    expectTypeOf(useHidreamClient()).toEqualTypeOf<HidreamClient>();
  });
});
