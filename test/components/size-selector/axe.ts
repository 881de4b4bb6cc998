import axe from 'axe-core';

/** Runs axe-core on a rendered container and returns the violations (color contrast is meaningless in jsdom). */
export async function axeViolations(container: Element) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(', ')})`);
}
