// The picker the reference-picker tests render: every part, the URL field and its button only when asked.
import { ReferencePicker, type ReferencePickerRootProps } from '../../../src/components/reference-picker/index.js';

export interface PickerProps extends ReferencePickerRootProps {
  /** Adds `ReferencePicker.UrlInput` and `ReferencePicker.UrlSubmit` after the dropzone. @default false */
  withUrl?: boolean;
}

export function Picker({ withUrl = false, ...props }: PickerProps) {
  return (
    <ReferencePicker.Root {...props}>
      <ReferencePicker.Dropzone>
        <ReferencePicker.Input />
        Drop images here
      </ReferencePicker.Dropzone>
      {withUrl && <ReferencePicker.UrlInput />}
      {withUrl && <ReferencePicker.UrlSubmit />}
      <ReferencePicker.List />
      <ReferencePicker.Rejections />
      <ReferencePicker.Count />
    </ReferencePicker.Root>
  );
}
