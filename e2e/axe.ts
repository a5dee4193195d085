import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * axe-core finds no violation on the page as it is (every rule axe runs by default: WCAG 2.x A/AA and best
 * practices), once no CSS transition or animation is running (a half-faded dialog has a contrast of its own).
 * A failure lists each rule with the elements it found.
 */
export async function expectNoViolations(page: Page, screen: string) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.html.slice(0, 160)}: ${n.failureSummary ?? ''}`).join('\n')}`);
  expect(found, `axe violations on ${screen}`).toEqual([]);
}
