import type { Page, Route } from '@playwright/test';
import { expect, OUTCOME, test } from './fixtures';


/** `seconds` of 8 kHz, 8-bit mono silence as a WAV file. */
function silentWav(seconds = 0.5): Buffer {
  const samples = Math.round(8000 * seconds);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

/** Answers a media request as a recording host must for seeking: `Range` requests get 206 with that part. */
function fulfillWithRanges(route: Route, body: Buffer, contentType: string) {
  const range = /^bytes=(\d+)-(\d*)$/.exec(route.request().headers()['range'] ?? '');
  if (!range) return route.fulfill({ status: 200, contentType, headers: { 'Accept-Ranges': 'bytes' }, body });
  const start = Number(range[1]);
  const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
  return route.fulfill({
    status: 206,
    contentType,
    headers: { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes ${start}-${end}/${body.length}` },
    body: body.subarray(start, end + 1),
  });
}

/** Marks the loaded document, to tell later whether the page was reloaded. */
async function markDocument(page: Page) {
  await page.evaluate(() => {
    (globalThis as unknown as { __e2eDocument?: boolean }).__e2eDocument = true;
  });
}
const sameDocument = (page: Page) => page.evaluate(() => (globalThis as unknown as { __e2eDocument?: boolean }).__e2eDocument === true);

const propertyRow = (page: Page, label: string) => page.getByRole('row', { name: new RegExp(`^${label}\\b`) });

test('the header, grouped properties and raw values for admins', async ({ page, api }) => {
  const call = await api.createCall({
    hs_call_title: 'Detail header check',
    hs_timestamp: '2026-11-02T14:05:09.000Z',
    hs_call_disposition: OUTCOME.connected,
    hs_call_direction: 'INBOUND',
    hs_call_status: 'COMPLETED',
    hs_call_duration: '245000',
    hs_call_to_number: '+14155550123',
  });
  await page.goto(`/calls/${call.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Detail header check' })).toBeVisible();
  await expect(page.getByText('Outcome: Connected')).toBeVisible();
  await expect(page.getByText('Direction: Inbound')).toBeVisible();
  await expect(page.getByText('Status: Completed')).toBeVisible();
  await expect(page.getByText('Exact time: 2026-11-02 14:05:09 +00:00 (2026-11-02T14:05:09.000Z)')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Call information' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'System information' })).toBeVisible();
  await expect(propertyRow(page, 'Call duration')).toContainText('0:04:05');
  await expect(propertyRow(page, 'To number')).toContainText('+1 415 555 0123');
  await expect(propertyRow(page, 'Call outcome')).not.toContainText(OUTCOME.connected);

  await page.getByLabel('Show raw values').check();
  await expect(propertyRow(page, 'Call duration')).toContainText('245000');
  await expect(propertyRow(page, 'Call outcome')).toContainText(OUTCOME.connected);
  await expect(page.getByRole('button', { name: 'Copy call ID' })).toBeVisible();
});

/** The demo account's archived outcome (the mock's seed): some demo calls still carry it. */
const ARCHIVED_OUTCOME = '8f3c2a61-4b7d-4e19-a0c5-93d2e7f16b48';

test('an outcome the account archived shows by its label, marked archived, on the call, in the list and its filter', async ({ page, api }) => {
  const call = await api.createCall({
    hs_call_title: 'Carries an archived outcome',
    hs_timestamp: '2026-11-03T08:00:00.000Z',
    hs_call_disposition: ARCHIVED_OUTCOME,
  });
  await page.goto(`/calls/${call.id}`);
  await expect(page.getByText('Outcome: Callback requested (archived)')).toBeVisible();
  await expect(propertyRow(page, 'Call outcome')).toContainText('Callback requested (archived)');
  await expect(page.getByText(/Unknown outcome/)).toHaveCount(0);

  // The edit form shows it, but does not offer it for a new choice.
  await page.getByRole('link', { name: 'Edit' }).click();
  const outcome = page.getByRole('combobox', { name: 'Outcome', exact: true });
  await expect(outcome).toHaveText('Callback requested (archived)');
  await outcome.click();
  await expect(page.getByRole('option', { name: 'Callback requested (archived)' })).toBeDisabled();
  await expect(page.getByRole('option', { name: 'Connected', exact: true })).toBeEnabled();
  await page.keyboard.press('Escape');

  // The list filtered by it: the demo calls that carry it, named the same way.
  await page.goto(`/calls?outcome=${ARCHIVED_OUTCOME}`);
  await expect(page.getByText('Outcome: Callback requested (archived)', { exact: true })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Calls' }).getByText('Callback requested (archived)').first()).toBeVisible();
});

test('notes are sanitized: scripts, event handlers and javascript: links never run', async ({ page, api }) => {
  const call = await api.createCall({
    hs_call_title: 'Hostile notes',
    hs_timestamp: '2026-11-02T14:05:00.000Z',
    hs_call_body:
      '<p>Safe <b>bold</b> text</p>' +
      '<img src="/does-not-exist.png" onerror="window.__xss = \'img\'">' +
      '<script>window.__xss = "script"</script>' +
      '<a href="javascript:window.__xss=\'link\'">click me</a>' +
      '<svg onload="window.__xss=\'svg\'"></svg>',
  });
  await page.goto(`/calls/${call.id}`);
  const notes = page.getByTestId('call-notes');
  await expect(notes).toContainText('Safe bold text');
  await expect(notes.locator('b')).toHaveText('bold');
  await notes.getByText('click me').click();
  expect(await page.evaluate(() => (globalThis as unknown as { __xss?: string }).__xss)).toBeUndefined();
  await expect(notes.locator('script, svg, [onerror]')).toHaveCount(0);
});

test('a recording plays only from https, with a playback speed choice', async ({ page, api }) => {
  await page.route('https://recordings.example.com/ok.wav', (route) =>
    route.fulfill({ status: 200, contentType: 'audio/wav', body: silentWav() }),
  );
  const call = await api.createCall({
    hs_call_title: 'With recording',
    hs_timestamp: '2026-11-02T14:05:00.000Z',
    hs_call_recording_url: 'https://recordings.example.com/ok.wav',
  });
  await page.goto(`/calls/${call.id}`);
  const audio = page.getByLabel('Call recording');
  await expect(audio).toHaveAttribute('src', 'https://recordings.example.com/ok.wav');
  await expect.poll(() => audio.evaluate((a) => (a as unknown as { readyState: number }).readyState)).toBeGreaterThan(0);
  await page.getByRole('combobox', { name: 'Playback speed' }).click();
  await page.getByRole('option', { name: '1.5×' }).click();
  expect(await audio.evaluate((a) => (a as unknown as { playbackRate: number }).playbackRate)).toBe(1.5);
  // Keyboard only: focus the speed, open it, move to 2× and choose it.
  await page.getByRole('combobox', { name: 'Playback speed' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: '1.5×' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Playback speed' })).toHaveText('2×');
  expect(await audio.evaluate((a) => (a as unknown as { playbackRate: number }).playbackRate)).toBe(2);
  await expect(page.getByText('The recording could not be loaded')).toHaveCount(0);
});

test('a demo call’s transcript: speakers, text and times; a line (click or Enter) plays the recording from there', async ({ page, api }) => {
  const found = await api.request<{ results: { id: string; properties: Record<string, string> }[] }>('POST', api.paths.objectSearch('calls'), {
    filterGroups: [
      {
        filters: [
          { propertyName: 'hs_call_transcription_id', operator: 'HAS_PROPERTY' },
          { propertyName: 'hs_call_recording_url', operator: 'HAS_PROPERTY' },
        ],
      },
    ],
    properties: ['hs_call_transcription_id', 'hs_call_recording_url'],
    limit: 10,
  });
  type Line = { speaker?: { name: string }; text: string; startTimeMillis: number };
  // The first of them whose transcript HubSpot serves (one demo call names a transcript only HubSpot has).
  let call: (typeof found.body.results)[number] | undefined;
  let lines: Line[] = [];
  for (const candidate of found.body.results) {
    const t = await api.request<{ transcriptUtterances: Line[] }>('GET', api.paths.transcript(candidate.properties.hs_call_transcription_id ?? ''));
    if (t.status === 200) {
      call = candidate;
      lines = t.body.transcriptUtterances;
      break;
    }
  }
  if (!call) throw new Error(`no demo call with a transcript among ${JSON.stringify(found.body)}`);
  const [first, , third] = lines;
  const recording = silentWav(90);
  await page.route(call.properties.hs_call_recording_url!, (route) => fulfillWithRanges(route, recording, 'audio/wav'));

  await page.goto(`/calls/${call.id}`);
  const transcript = page.getByRole('region', { name: 'Transcript' }).getByRole('list', { name: 'Transcript' });
  await expect(transcript.getByRole('listitem')).toHaveCount(lines.length);
  const mmss = (ms: number) => `${String(Math.floor(ms / 60_000)).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;
  await expect(transcript.getByRole('listitem').first()).toHaveText(`${mmss(first!.startTimeMillis)}${first!.speaker!.name}${first!.text}`);
  const audio = page.getByLabel('Call recording');
  await expect.poll(() => audio.evaluate((a) => (a as unknown as { readyState: number }).readyState)).toBeGreaterThan(0);
  const position = () => audio.evaluate((a) => (a as unknown as { currentTime: number }).currentTime);
  const paused = () => audio.evaluate((a) => (a as unknown as { paused: boolean }).paused);

  await transcript.getByRole('button', { name: third!.text }).click();
  await expect.poll(paused).toBe(false);
  expect(await position()).toBeGreaterThanOrEqual(third!.startTimeMillis / 1000);
  expect(await position()).toBeLessThan(third!.startTimeMillis / 1000 + 5);

  // Keyboard: move to the first line and choose it with Enter.
  await transcript.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await expect.poll(position).toBeLessThan(third!.startTimeMillis / 1000);
  expect(await position()).toBeGreaterThanOrEqual(first!.startTimeMillis / 1000);
  await expect(page.getByText('The recording could not be loaded')).toHaveCount(0);
});

test('a recording that fails to load says so', async ({ page, api }) => {
  await page.route('https://recordings.example.com/missing.mp3', (route) => route.fulfill({ status: 404, body: 'not here' }));
  const call = await api.createCall({
    hs_call_title: 'Broken recording',
    hs_timestamp: '2026-11-02T14:05:00.000Z',
    hs_call_recording_url: 'https://recordings.example.com/missing.mp3',
  });
  await page.goto(`/calls/${call.id}`);
  await expect(page.getByText('The recording could not be loaded')).toBeVisible();
});

test('a recording URL that is not https is not played', async ({ page, api }) => {
  // The mock, like HubSpot, refuses non-https recording URLs on write; answer the read with one instead.
  const call = await api.createCall({ hs_call_title: 'Insecure recording', hs_timestamp: '2026-11-02T14:05:00.000Z' });
  await page.route(`**/hubspot${api.paths.object('calls', call.id)}?*`, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { properties: Record<string, string> };
    body.properties.hs_call_recording_url = 'http://recordings.example.com/plain.mp3';
    await route.fulfill({ response, json: body });
  });
  const audioRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith('http://recordings.example.com')) audioRequests.push(r.url());
  });
  await page.goto(`/calls/${call.id}`);
  await expect(page.getByText('its address is not a secure https:// URL')).toBeVisible();
  await expect(page.getByLabel('Call recording')).toHaveCount(0);
  expect(audioRequests).toEqual([]);
});

test('history shows earlier values and one click reverts a single property', async ({ page, api }) => {
  const call = await api.createCall({ hs_call_title: 'History check', hs_timestamp: '2026-11-02T14:05:00.000Z', hs_call_disposition: OUTCOME.busy });
  await api.updateCall(call.id, { hs_call_disposition: OUTCOME.connected, hs_call_title: 'History check (renamed)' });
  await page.goto(`/calls/${call.id}`);
  const history = page.getByRole('region', { name: 'History of Call outcome' });
  await expect(history.getByRole('row', { name: /Connected/ })).toContainText('Current');
  await expect(history.getByRole('row', { name: /Busy/ })).toBeVisible();
  await history.getByRole('button', { name: 'Revert Call outcome to Busy' }).click();
  await expect(page.getByText('Outcome: Busy')).toBeVisible();
  await expect(page.getByText('Call outcome reverted to Busy.')).toBeVisible();
  const stored = await api.getCall(call.id, { properties: ['hs_call_disposition', 'hs_call_title'] });
  expect(stored.properties).toMatchObject({ hs_call_disposition: OUTCOME.busy, hs_call_title: 'History check (renamed)' });
});

test('a call that does not exist shows a not-found page with a way back', async ({ page }) => {
  await page.goto('/calls/987654321987');
  await expect(page.getByRole('heading', { name: 'Call not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to calls' }).click();
  await expect(page).toHaveURL(/\/calls$/);
});

test('delete asks first, names the call and the recycling bin, then returns to the list without it (no reload)', async ({ page, api }) => {
  const title = `Delete me ${Date.now()}`;
  const call = await api.createCall({ hs_call_title: title, hs_timestamp: '2026-11-02T14:05:00.000Z' });
  const listPath = `/calls?q=${encodeURIComponent(title)}`;
  await page.goto(listPath);
  await markDocument(page);
  await page.getByRole('row', { name: new RegExp(title) }).getByText(title).click();
  await expect(page).toHaveURL(new RegExp(`/calls/${call.id}$`));
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Delete “${title}”?` });
  await expect(dialog).toContainText("HubSpot's recycling bin");
  await dialog.getByRole('button', { name: 'Delete call' }).click();
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === listPath);
  await expect(page.getByText(`“${title}” moved to HubSpot's recycling bin.`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(title) })).toHaveCount(0);
  expect(await sameDocument(page)).toBe(true);
  const gone = await api.request('GET', api.paths.object('calls', call.id));
  expect(gone.status).toBe(404);
});

test('a failed delete keeps the call and shows HubSpot’s message', async ({ page, api }) => {
  const call = await api.createCall({ hs_call_title: 'Undeletable', hs_timestamp: '2026-11-02T14:05:00.000Z' });
  await page.route(`**/hubspot${api.paths.object('calls', call.id)}`, async (route) => {
    if (route.request().method() !== 'DELETE') return route.fallback();
    await route.fulfill({
      status: 403,
      json: { status: 'error', message: 'You do not have permission to delete calls.', correlationId: 'a1b2c3d4-0000-4000-8000-000000000001', category: 'MISSING_SCOPES' },
    });
  });
  await page.goto(`/calls/${call.id}`);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Undeletable”?' });
  await dialog.getByRole('button', { name: 'Delete call' }).click();
  await expect(dialog.getByRole('alert')).toContainText('You do not have permission to delete calls.');
  await expect(dialog.getByRole('alert')).toContainText('a1b2c3d4-0000-4000-8000-000000000001');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Undeletable' })).toBeVisible();
  expect((await api.getCall(call.id)).id).toBe(call.id);
});

test('"Open in list" returns to the list as it was left', async ({ page, api }) => {
  const title = `List return ${Date.now()}`;
  const call = await api.createCall({ hs_call_title: title, hs_timestamp: '2026-11-02T14:05:00.000Z' });
  const listUrl = `/calls?q=${encodeURIComponent(title)}`;
  await page.goto(listUrl);
  await page.getByRole('row', { name: new RegExp(title) }).getByText(title).click();
  await expect(page).toHaveURL(new RegExp(`/calls/${call.id}$`));
  await page.getByRole('link', { name: 'Open in list' }).click();
  await expect(page).toHaveURL(new RegExp(`/calls\\?q=${encodeURIComponent(title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
});
