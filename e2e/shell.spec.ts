import { expect, test } from './fixtures';

test.use({ colorScheme: 'light' });

test.describe('app shell', () => {
  test('opens on the calls screen with the product name and the Mock badge', async ({ page }) => {
    const cspViolations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page).toHaveURL(/\/calls$/);
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('link', { name: 'HubSpot Calls Admin' })).toBeVisible();
    await expect(banner.getByText('Mock', { exact: true })).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    expect(cspViolations).toEqual([]);
  });

  test('the dark mode choice survives a reload', async ({ page }) => {
    // Background colors of the two schemes (src/app/theme.ts light background, MUI's dark default).
    const light = 'rgb(245, 247, 250)';
    const dark = 'rgb(18, 18, 18)';
    await page.goto('/calls');
    const html = page.locator('html');
    const body = page.locator('body');
    await expect(html).toHaveClass(/\blight\b/);
    await expect(body).toHaveCSS('background-color', light);
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(body).toHaveCSS('background-color', dark);

    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(body).toHaveCSS('background-color', dark);
    await expect(page.getByRole('button', { name: 'Switch to light mode' })).toBeVisible();

    await page.getByRole('button', { name: 'Switch to light mode' }).click();
    await expect(body).toHaveCSS('background-color', light);
  });

  test('an unknown address shows the not-found page with a way back', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to calls' }).click();
    await expect(page).toHaveURL(/\/calls$/);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toHaveCount(0);
  });

  test('the api fixture reaches the mock through the proxy, which refuses endpoints the app does not use', async ({ api }) => {
    const created = await api.createCall({ hs_timestamp: '2026-01-15T10:00:00.000Z', hs_call_title: 'E2E shell fixture check' });
    expect((await api.getCall(created.id, { properties: ['hs_call_title'] })).properties.hs_call_title).toBe('E2E shell fixture check');
    await api.updateCall(created.id, { hs_call_title: 'E2E shell fixture check (edited)' });
    expect((await api.getCall(created.id, { properties: ['hs_call_title'] })).properties.hs_call_title).toBe('E2E shell fixture check (edited)');
    await api.deleteCall(created.id);
    expect((await api.request('GET', api.paths.object('calls', created.id))).status).toBe(404);

    const refused = await api.request<{ category: string; status: string }>('GET', api.paths.objects('calls').replace('/calls', '/emails'));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ status: 'error', category: 'FORBIDDEN' });
  });
});
