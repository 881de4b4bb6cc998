import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { forwardRef, useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  createPartContext,
  usePartContext,
  dataAttr,
  renderPart,
  useControllableState,
  type PartProps,
} from '../../../src/components/utils/index.js';

interface State {
  active: boolean;
}

const Part = forwardRef<HTMLButtonElement, PartProps<State> & { onClick?: () => void; children?: ReactNode }>(
  function Part(props, ref) {
    const state = { active: true };
    return renderPart('button', state, ref, { type: 'button', 'data-active': dataAttr(state.active), onClick: props.onClick ? undefined : () => {} }, props);
  },
);

describe('renderPart', () => {
  it('resolves className and style from state and exposes state as data attributes', () => {
    render(<Part className={(s) => (s.active ? 'on' : 'off')} style={(s) => ({ opacity: s.active ? 1 : 0.5 })}>x</Part>);
    const button = screen.getByRole('button', { name: 'x' });
    expect(button).toHaveClass('on');
    expect(button).toHaveStyle({ opacity: '1' });
    expect(button).toHaveAttribute('data-active', '');
  });

  it('renders the caller element from `render` and forwards the ref', () => {
    const ref = { current: null as HTMLElement | null };
    render(<Part ref={ref as never} render={<a href="#x" />}>link</Part>);
    const link = screen.getByRole('link', { name: 'link' });
    expect(ref.current).toBe(link);
    expect(link).toHaveAttribute('data-active', '');
  });

  it('passes props and state to a render function', () => {
    render(<Part render={(props, state) => <span {...props}>{state.active ? 'active' : 'idle'}</span>} />);
    expect(screen.getByText('active').tagName).toBe('SPAN');
  });

  it('runs the caller handler before the library one and lets it prevent the default', async () => {
    const order: string[] = [];
    const Wrapped = () =>
      renderPart('button', {}, undefined, { onClick: () => order.push('library') }, {
        onClick: (event: { preventDefault(): void }) => {
          order.push('caller');
          if (order.length > 2) event.preventDefault();
        },
        children: 'go',
      } as never);
    render(<Wrapped />);
    await userEvent.click(screen.getByRole('button'));
    await userEvent.click(screen.getByRole('button'));
    expect(order).toEqual(['caller', 'library', 'caller']);
  });
});

describe('useControllableState', () => {
  function Counter(props: { value?: number; onChange?: (v: number) => void }) {
    const [value, setValue] = useControllableState({ value: props.value, defaultValue: 0, onChange: props.onChange });
    return <button onClick={() => setValue((v) => v + 1)}>{value}</button>;
  }

  it('keeps its own state when uncontrolled and reports changes', async () => {
    const onChange = vi.fn();
    render(<Counter onChange={onChange} />);
    await userEvent.click(screen.getByRole('button'));
    expect(screen.getByRole('button')).toHaveTextContent('1');
    expect(onChange).toHaveBeenCalledWith(1);
  });

  it('follows the value prop when controlled', async () => {
    function Parent() {
      const [value, setValue] = useState(5);
      return <Counter value={value} onChange={(v) => setValue(v * 10)} />;
    }
    render(<Parent />);
    await userEvent.click(screen.getByRole('button'));
    expect(screen.getByRole('button')).toHaveTextContent('60');
  });
});

describe('createPartContext', () => {
  it('names the root when a part is rendered outside it', () => {
    const context = createPartContext<object>('Picker.Root');
    function Item() {
      usePartContext(context, 'Picker.Item');
      return null;
    }
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => act(() => render(<Item />))).toThrow('<Picker.Item> must be placed inside <Picker.Root>.');
    spy.mockRestore();
  });
});
