import { act, render, screen, waitFor, within } from '@testing-library/react';
import { StrictMode, useState, type ReactElement } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ImageEditor, type ImageEditorRootProps } from '../../../src/components/image-editor/index.js';
import type { ReferenceImage } from '../../../src/components/reference-picker/index.js';
import type { OutputFormat } from '../../../src/core/index.js';
import { axeViolations } from '../size-selector/axe.js';
import { createHarness, pngFile } from './harness.js';

let h: ReturnType<typeof createHarness>;

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  h = createHarness();
});
afterEach(() => {
  h.close();
  vi.useRealTimers();
});

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/** Renders `ui` inside the harness (client, query client, proxy and engine), with a user on the fake clock. */
function renderWithUser(ui: ReactElement) {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  return { user, ...render(<h.Wrapper>{ui}</h.Wrapper>) };
}

const setup = (props: ImageEditorRootProps = {}) => renderWithUser(<ImageEditor {...props} />);

const runButton = () => screen.getByRole('button', { name: 'Run edit' });
const status = () => within(screen.getByRole('region', { name: 'Result' })).getByRole('status');

async function addReference(user: ReturnType<typeof userEvent.setup>, name = 'red.png') {
  await user.upload(screen.getByLabelText('Add reference images'), await pngFile(name));
  await screen.findByRole('listitem', { name: new RegExp(name) });
}

async function completeRun() {
  await waitFor(() => expect(status()).toHaveTextContent(/Processing…|Submitting…|Uploading/));
  await advance(600);
  await waitFor(() => expect(status()).toHaveTextContent(/^Completed in \d+\.\d s$/));
}

describe('ImageEditor end to end (real proxy + local engine)', () => {
  it('uploads a reference, runs the prompt and shows the edited image, seed, cost and history', async () => {
    const onComplete = vi.fn();
    const { user, container } = setup({ onComplete, defaultFormat: 'png' });
    expect(runButton()).toBeDisabled();
    expect(runButton()).toHaveAccessibleDescription('Add at least one reference image.');
    expect(await axeViolations(container)).toEqual([]);

    await addReference(user);
    expect(runButton()).toHaveAccessibleDescription('Write an edit instruction.');
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'Make it black and white');
    expect(runButton()).toBeEnabled();
    expect(screen.getByText('$0.02 per edit · Session total $0.00 (0 edits)')).toBeInTheDocument();

    await user.click(runButton());
    expect(runButton()).toBeDisabled();
    expect(runButton()).toHaveAccessibleDescription('An edit is running.');
    await completeRun();

    const image = screen.getByRole('img', { name: /^Edited image/ });
    expect(image).toHaveAttribute('alt', 'Edited image: Make it black and white');
    expect(image.getAttribute('src')).toMatch(/^http:\/\/app\.test\/api\/hidream\/api\/v3\/local\/files\//);
    expect(h.submits).toHaveLength(1);
    const sent = h.submits[0]!;
    expect(sent).toMatchObject({ prompt: 'Make it black and white', size: '2048*2048', output_format: 'png' });
    expect(sent.images).toEqual([expect.stringMatching(/^http:\/\/app\.test\/api\/hidream\/api\/v3\/local\/files\//)]);
    expect(Number.isInteger(sent.seed) && (sent.seed as number) >= 0 && (sent.seed as number) <= 2147483647).toBe(true);
    expect(screen.getByText(`Last run used seed ${sent.seed}.`, { exact: false })).toBeInTheDocument();
    expect(screen.getByText('$0.02 per edit · Session total $0.02 (1 edit)')).toBeInTheDocument();
    const entry = screen.getByRole('button', { name: `Step 1: Make it black and white (seed ${sent.seed}, 2048×2048)` });
    expect(entry).toHaveAttribute('aria-current', 'step');
    expect(onComplete).toHaveBeenCalledWith(expect.objectContaining({ prompt: 'Make it black and white', seed: sent.seed, format: 'png' }));
    expect(screen.getByRole('button', { name: 'Download' })).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('chains edits with "Edit this result again", and undoes/redoes across the chain', async () => {
    const { user } = setup();
    await addReference(user, 'first.png');
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'Make it sepia');
    await user.click(runButton());
    await completeRun();
    const firstOutput = screen.getByRole('img', { name: /^Edited image/ }).getAttribute('src')!;

    await user.click(screen.getByRole('button', { name: 'Edit this result again' }));
    const list = screen.getByRole('list', { name: 'Chosen reference images' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByRole('listitem', { name: /^Result/ })).toBeInTheDocument();

    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    await user.clear(prompt);
    await user.type(prompt, 'Make it blurry');
    await user.click(runButton());
    await completeRun();
    expect(h.submits[1]!.images).toEqual([firstOutput]);
    const secondOutput = screen.getByRole('img', { name: 'Edited image: Make it blurry' }).getAttribute('src');
    expect(secondOutput).not.toBe(firstOutput);
    expect(screen.getAllByRole('button', { name: /^Step \d/ })).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('img', { name: 'Edited image: Make it sepia' })).toHaveAttribute('src', firstOutput);
    expect(within(list).getByRole('listitem', { name: /^first\.png/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Step 1/ })).toHaveAttribute('aria-current', 'step');
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Redo' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(screen.getByRole('img', { name: 'Edited image: Make it blurry' })).toHaveAttribute('src', secondOutput);
    expect(within(list).getByRole('listitem', { name: /^Result/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Redo' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();

    // Keyboard shortcuts outside text fields.
    screen.getByRole('button', { name: /^Step 2/ }).focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(screen.getByRole('button', { name: /^Step 1/ })).toHaveAttribute('aria-current', 'step');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(screen.getByRole('button', { name: /^Step 2/ })).toHaveAttribute('aria-current', 'step');
    expect(screen.getByText('$0.02 per edit · Session total $0.04 (2 edits)')).toBeInTheDocument();
  });

  it('runs from the keyboard alone: Tab to the prompt, type, Ctrl+Enter; Tab to Run, Enter', async () => {
    const { user } = setup();
    await addReference(user);
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    for (let i = 0; i < 40 && document.activeElement !== prompt; i++) await user.tab();
    expect(prompt).toHaveFocus();
    await user.keyboard('Make it brighter');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await completeRun();
    expect(h.submits).toHaveLength(1);

    for (let i = 0; i < 60 && document.activeElement !== runButton(); i++) await user.tab();
    expect(runButton()).toHaveFocus();
    await user.keyboard('{Enter}');
    await completeRun();
    expect(h.submits).toHaveLength(2);
  });

  it('pins the seed used and sends it again', async () => {
    const { user } = setup({ defaultPrompt: 'Make it warmer' });
    await addReference(user);
    await user.click(runButton());
    await completeRun();
    const seed = h.submits[0]!.seed as number;
    expect(screen.getByRole('checkbox', { name: 'New random seed each run' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Pin this seed' }));
    expect(screen.getByRole('checkbox', { name: 'New random seed each run' })).not.toBeChecked();
    expect(screen.getByRole('spinbutton', { name: 'Seed value' })).toHaveValue(seed);
    await user.click(runButton());
    await completeRun();
    expect(h.submits[1]!.seed).toBe(seed);

    const input = screen.getByRole('spinbutton', { name: 'Seed value' });
    await user.clear(input);
    await user.type(input, '99999999999');
    expect(runButton()).toBeDisabled();
    expect(runButton()).toHaveAccessibleDescription('The seed must be a whole number from 0 to 2147483647.');
  });

  it('inserts prompt templates with the placeholder selected, and blocks Run until it is replaced', async () => {
    const { user } = setup();
    await addReference(user);
    await user.click(screen.getByRole('button', { name: 'Wardrobe' }));
    const prompt = screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement;
    expect(prompt.value).toBe('Keep the same person and pose. Change the outfit to [new outfit]. Keep the background and lighting unchanged.');
    expect(prompt).toHaveFocus();
    expect(prompt.value.slice(prompt.selectionStart, prompt.selectionEnd)).toBe('[new outfit]');
    expect(runButton()).toHaveAccessibleDescription('Replace the [bracketed] part of the prompt.');
    await user.keyboard('a black leather jacket');
    expect(prompt.value).toContain('Change the outfit to a black leather jacket.');
    expect(runButton()).toBeEnabled();
  });

  it('blocks Run on an invalid size and passes the chosen size', async () => {
    const { user } = setup({ defaultPrompt: 'Make it vivid' });
    await addReference(user);
    const width = screen.getByRole('spinbutton', { name: 'Width' });
    await user.clear(width);
    await user.type(width, '100');
    expect(runButton()).toHaveAccessibleDescription('Choose a valid size.');
    await user.click(screen.getByRole('radio', { name: /16:9/ }));
    await user.click(runButton());
    await completeRun();
    expect(h.submits[0]).toMatchObject({ size: '2560*1440' });
  });

  it('shows a failure and retries with the same inputs', async () => {
    const { user } = setup({ defaultPrompt: '[fail] Make it sepia' });
    await addReference(user);
    await user.click(runButton());
    await advance(600);
    await waitFor(() => expect(status()).toHaveTextContent(/failed/i));
    expect(screen.getByRole('textbox', { name: 'Prompt' })).toHaveValue('[fail] Make it sepia');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await advance(600);
    await waitFor(() => expect(h.submits).toHaveLength(2));
    expect(h.submits[1]).toMatchObject({ prompt: '[fail] Make it sepia' });
    expect(screen.getByText('$0.02 per edit · Session total $0.00 (0 edits)')).toBeInTheDocument();
  });

  it('sends one POST per click in StrictMode, even on a double click', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(
      <StrictMode>
        <h.Wrapper>
          <ImageEditor defaultPrompt="Make it darker" />
        </h.Wrapper>
      </StrictMode>,
    );
    await addReference(user);
    await user.dblClick(runButton());
    await completeRun();
    expect(h.submits).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: /^Step \d/ })).toHaveLength(1);
  });

  it('cancels a running edit, keeping the inputs', async () => {
    const { user } = setup({ defaultPrompt: 'Make it cooler' });
    await addReference(user);
    await user.click(runButton());
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(status()).toHaveTextContent(/cancelled/i));
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(runButton()).toBeEnabled();
    expect(screen.getByRole('textbox', { name: 'Prompt' })).toHaveValue('Make it cooler');
  });

  it('translates its own strings and those of the components inside it', () => {
    setup({
      labels: {
        prompt: 'Anweisung',
        run: 'Bearbeiten',
        needReference: 'Füge ein Referenzbild hinzu.',
        referencePicker: { input: 'Referenzbilder hinzufügen' },
        sizeSelector: { width: 'Breite', group: 'Ausgabegröße' },
        resultViewer: { progress: 'Fortschritt' },
      },
    });
    expect(screen.getByRole('textbox', { name: 'Anweisung' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bearbeiten' })).toHaveAccessibleDescription('Füge ein Referenzbild hinzu.');
    expect(screen.getByLabelText('Referenzbilder hinzufügen')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Ausgabegröße' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Breite' })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Fortschritt' })).toBeInTheDocument();
  });

  it('compares against the source, and keeps restored references displayable after undo', async () => {
    let n = 0;
    const revoked = new Set<string>();
    // Fake object URLs for this test only.
    const saved = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL: () => `blob:test/${++n}`, revokeObjectURL: (url: string) => revoked.add(url) });
    onTestFinished(() => void Object.assign(URL, saved));
    const { user, unmount } = setup({ defaultPrompt: 'Make it sepia' });
    await addReference(user, 'first.png');
    await user.click(runButton());
    await completeRun();
    const original = screen.getByRole('img', { name: 'Original image' });
    expect(original.getAttribute('src')).toMatch(/^blob:test\//);
    expect(screen.getByRole('slider', { name: 'Compare original and edited image' })).toHaveAttribute('aria-valuenow', '50');

    await user.click(screen.getByRole('button', { name: 'Edit this result again' }));
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    await user.clear(prompt);
    await user.type(prompt, 'Make it blurry');
    await user.click(runButton());
    await completeRun();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    const thumbnail = within(screen.getByRole('listitem', { name: /^first\.png/ })).getByRole('img');
    const src = thumbnail.getAttribute('src')!;
    expect(src).toMatch(/^blob:test\//);
    expect(revoked.has(src)).toBe(false);
    unmount();
    await act(() => Promise.resolve());
    expect(revoked.has(src)).toBe(true);
  });

  it('is controlled by prompt, size, format and references, reporting every change', async () => {
    const changes = { prompt: vi.fn(), size: vi.fn(), format: vi.fn(), references: vi.fn() };
    function App() {
      const [prompt, setPrompt] = useState('Make it sepia');
      const [size, setSize] = useState('1024*1024');
      const [format, setFormat] = useState<OutputFormat>('webp');
      const [references, setReferences] = useState<ReferenceImage[]>([]);
      return (
        <>
          <button type="button" onClick={() => (setPrompt('Make it red'), setSize('2560*1440'), setFormat('png'), setReferences([]))}>
            Reset from the app
          </button>
          <ImageEditor
            prompt={prompt}
            onPromptChange={(v) => (changes.prompt(v), setPrompt(v.toUpperCase()))}
            size={size}
            onSizeChange={(v) => (changes.size(v), setSize(v))}
            format={format}
            onFormatChange={(v) => (changes.format(v), setFormat(v))}
            references={references}
            onReferencesChange={(v) => (changes.references(v), setReferences(v))}
          />
        </>
      );
    }
    const { user } = renderWithUser(<App />);
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    expect(prompt).toHaveValue('Make it sepia');
    expect(screen.getByRole('spinbutton', { name: 'Width' })).toHaveValue(1024);
    expect(screen.getByRole('radio', { name: /^WebP/ })).toBeChecked();

    // The app's value wins: it upper-cases what is typed.
    await user.type(prompt, '!');
    expect(changes.prompt).toHaveBeenLastCalledWith('Make it sepia!');
    expect(prompt).toHaveValue('MAKE IT SEPIA!');
    await user.click(screen.getByRole('radio', { name: /^PNG/ }));
    expect(changes.format).toHaveBeenLastCalledWith('png');
    await user.click(screen.getByRole('radio', { name: /16:9/ }));
    expect(changes.size).toHaveBeenLastCalledWith('2560*1440');
    await addReference(user);
    expect(changes.references).toHaveBeenLastCalledWith([expect.objectContaining({ name: 'red.png', status: 'ready' })]);

    await user.click(runButton());
    await completeRun();
    expect(h.submits[0]).toMatchObject({ prompt: 'MAKE IT SEPIA!', size: '2560*1440', output_format: 'png' });

    // Edit this result again replaces the references through the app.
    await user.click(screen.getByRole('button', { name: 'Edit this result again' }));
    expect(changes.references).toHaveBeenLastCalledWith([expect.objectContaining({ name: 'Result', source: expect.stringMatching(/^http/) })]);

    await user.click(screen.getByRole('button', { name: 'Reset from the app' }));
    expect(prompt).toHaveValue('Make it red');
    expect(screen.getByRole('spinbutton', { name: 'Width' })).toHaveValue(2560);
    expect(screen.getByRole('radio', { name: /^PNG/ })).toBeChecked();
    expect(within(screen.getByRole('list', { name: 'Chosen reference images' })).queryAllByRole('listitem')).toHaveLength(0);
    expect(runButton()).toHaveAccessibleDescription('Add at least one reference image.');
  });

  it('is controlled by seed: the app pins or frees it, and hears of every pin and switch to random', async () => {
    const onSeedChange = vi.fn();
    function App() {
      const [seed, setSeed] = useState<number | null>(42);
      return (
        <>
          <button type="button" onClick={() => setSeed(7)}>
            Use seed 7
          </button>
          <ImageEditor defaultPrompt="Make it warmer" random={() => 0.25} seed={seed} onSeedChange={(v) => (onSeedChange(v), setSeed(v))} />
        </>
      );
    }
    const { user } = renderWithUser(<App />);
    const random = screen.getByRole('checkbox', { name: 'New random seed each run' });
    const value = screen.getByRole('spinbutton', { name: 'Seed value' });
    expect(random).not.toBeChecked();
    expect(value).toHaveValue(42);
    await addReference(user);
    await user.click(runButton());
    await completeRun();
    expect(h.submits[0]!.seed).toBe(42);

    // Half-typed text stays in the field and blocks Run; only whole seeds are reported.
    await user.clear(value);
    expect(runButton()).toHaveAccessibleDescription('The seed must be a whole number from 0 to 2147483647.');
    expect(onSeedChange).not.toHaveBeenCalled();
    await user.type(value, '123');
    expect(onSeedChange).toHaveBeenLastCalledWith(123);
    expect(value).toHaveValue(123);

    await user.click(random);
    expect(onSeedChange).toHaveBeenLastCalledWith(null);
    expect(value).toBeDisabled();
    await user.click(runButton());
    await completeRun();
    const drawn = h.submits[1]!.seed as number;
    expect(drawn).toBe(Math.floor(0.25 * 2147483648));
    await user.click(screen.getByRole('button', { name: 'Pin this seed' }));
    expect(onSeedChange).toHaveBeenLastCalledWith(drawn);
    expect(value).toHaveValue(drawn);

    await user.clear(value);
    await user.type(value, '-');
    await user.click(screen.getByRole('button', { name: 'Use seed 7' }));
    expect(random).not.toBeChecked();
    expect(value).toHaveValue(7);
    expect(runButton()).toBeEnabled();
  });

  it('keeps a controlled prompt that the app does not update', async () => {
    const onPromptChange = vi.fn();
    const { user } = setup({ prompt: 'Fixed', onPromptChange });
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'x');
    expect(onPromptChange).toHaveBeenCalledWith('Fixedx');
    expect(screen.getByRole('textbox', { name: 'Prompt' })).toHaveValue('Fixed');
  });

  it('submits in sync mode when asked, and never puts its options on the element', async () => {
    const consoleError = vi.spyOn(console, 'error');
    onTestFinished(() => consoleError.mockRestore());
    const { user, container } = setup({ defaultPrompt: 'Make it sepia', syncMode: true, prompt: undefined, references: undefined });
    await addReference(user);
    await user.click(runButton());
    await completeRun();
    expect(h.submits[0]).toMatchObject({ enable_sync_mode: true });
    const root = container.querySelector('[data-part="root"][data-scope="image-editor"]')!;
    expect([...root.attributes].map((a) => a.name).filter((n) => /sync|prompt|references/i.test(n))).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled(); // React warns about unknown props on a DOM element
  });

  it('composes a custom layout from its parts', async () => {
    const { user, container } = renderWithUser(
      <ImageEditor.Root className={(s) => (s.canRun ? 'ready' : 'blocked')} defaultPrompt="Make it sepia">
        <ImageEditor.References />
        <ImageEditor.PromptLabel />
        <ImageEditor.Prompt />
        <ImageEditor.Run render={<button className="mine" />} />
        <ImageEditor.RunReason />
        <ImageEditor.Result />
      </ImageEditor.Root>,
    );
    const root = container.querySelector('[data-scope="image-editor"][data-part="root"]')!;
    expect(root).toHaveClass('blocked');
    expect(screen.queryByRole('group', { name: 'Output size' })).toBeNull();
    await addReference(user);
    expect(root).toHaveClass('ready');
    expect(runButton()).toHaveClass('mine');
    await user.click(runButton());
    await completeRun();
    expect(h.submits[0]).toMatchObject({ prompt: 'Make it sepia', size: '2048*2048', output_format: 'jpeg' });
    expect(screen.getByRole('img', { name: 'Edited image: Make it sepia' })).toBeInTheDocument();
  });
});
