import type { ReactNode } from 'react';
// `?inline`: the theme as a string, injected only where a story asks for it. Imported normally, it would style
// every story on the page once loaded — the Unstyled stories included.
import themeCss from '../../src/styles.css?inline';

export type ThemeParameter = 'light' | 'dark';

/** What an app does with the optional theme: `import 'hidream-edit/styles.css'`, dark via `data-color-scheme`. */
export function ThemeScope({ theme, children }: { theme: ThemeParameter; children: ReactNode }) {
  return (
    <div
      data-color-scheme={theme}
      style={{
        background: theme === 'dark' ? '#0d1017' : '#ffffff',
        color: theme === 'dark' ? '#e6e8ee' : '#111827',
        colorScheme: theme,
        padding: 16,
        borderRadius: 12,
      }}
    >
      <style>{themeCss}</style>
      {children}
    </div>
  );
}

export { themeCss };
