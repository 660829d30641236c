import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer } from '../support/test-server.ts';
import { addMember, createBase, seedTeam, type Team } from '../support/seed.ts';
import { attachmentPath, MAX_UPLOAD_BYTES } from '../../server/attachments/index.ts';
import { writeRecords } from '../../server/records/index.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
});
afterAll(async () => {
  await tessera?.close();
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** fetch itself: ApiClient would send JSON. Without `type` the body goes untyped. */
async function upload(api: ApiClient, body: Buffer | string, type: string | undefined, filename?: string, baseId = team.baseId) {
  const query = filename === undefined ? '' : `?filename=${encodeURIComponent(filename)}`;
  const headers: Record<string, string> = api.token ? { Authorization: `Bearer ${api.token}` } : {};
  if (type) headers['Content-Type'] = type;
  const payload = new Uint8Array(typeof body === 'string' ? Buffer.from(body) : body);
  const response = await fetch(`${tessera.url}/api/v1/bases/${baseId}/attachments${query}`, { method: 'POST', headers, body: payload });
  return { status: response.status, body: (await response.json()) as any };
}

async function download(api: ApiClient, hash: string) {
  const response = await fetch(`${tessera.url}/api/v1/attachments/${hash}`, { headers: { Authorization: `Bearer ${api.token}` } });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** A raw request, for what fetch cannot do: stop sending once the server has answered. */
function rawUpload(headers: Record<string, string>, chunk: Buffer, totalChunks: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${tessera.url}/api/v1/bases/${team.baseId}/attachments?filename=big.bin`);
    let sent = 0;
    let answered = false;
    const req = http.request(url, { method: 'POST', headers: { Authorization: `Bearer ${team.editor.api.token}`, 'Content-Type': 'application/octet-stream', ...headers } });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < totalChunks) {
        sent++;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('uploading', () => {
  it('stores the file by content hash and returns an attachment field value', async () => {
    const res = await upload(team.editor.api, PNG, 'image/png', 'logo.png');
    expect(res.status).toBe(201);
    const hash = sha256(PNG);
    expect(res.body).toEqual({ id: hash, filename: 'logo.png', size: PNG.length, type: 'image/png', url: `/api/v1/attachments/${hash}` });
    expect(fs.readFileSync(attachmentPath(tessera.dataDir, hash))).toEqual(PNG);
    expect(attachmentPath(tessera.dataDir, hash)).toContain(`/attachments/${hash.slice(0, 2)}/${hash}`);
    expect(fs.readdirSync(`${tessera.dataDir}/attachments/tmp`)).toEqual([]);

    const table = (await team.owner.api.post(`/bases/${team.baseId}/tables`, {
      name: 'Companies', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Logo', type: 'attachment' }],
    })).body;
    const logo = table.fields[1].id;
    const written = writeRecords(tessera.ctx, { tableId: table.id, creates: [{ [logo]: [res.body] }] }, { origin: 'api', typecast: false });
    expect(written.created[0]!.values[logo]).toEqual([res.body]);
  });

  it("fills a value given by id alone from the upload, and refuses files never uploaded to the record's base", async () => {
    const png = Buffer.concat([PNG, Buffer.from('cover')]); // bytes of its own: the first upload names a file
    const { body: file } = await upload(team.editor.api, png, 'image/png', 'cover.png');
    const table = (await team.owner.api.post(`/bases/${team.baseId}/tables`, {
      name: 'Covers', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Cover', type: 'attachment' }],
    })).body;
    const created = await team.editor.api.post(`/tables/${table.id}/records`, { records: [{ fields: { Cover: [{ id: file.id }] } }] });
    expect(created.status).toBe(200);
    expect(created.body.records[0].fields.Cover).toEqual([file]);
    // A caller's size and type do not override the upload's.
    const lying = await team.editor.api.post(`/tables/${table.id}/records`, { records: [{ fields: { Cover: [{ id: file.id, size: 1, type: 'text/html' }] } }] });
    expect(lying.body.records[0].fields.Cover[0]).toMatchObject({ size: png.length, type: 'image/png' });

    const before = (await team.editor.api.get(`/tables/${table.id}/records`)).body.records.length;
    const unknown = await team.editor.api.post(`/tables/${table.id}/records`, { records: [{ fields: { Cover: [{ id: 'e'.repeat(64) }] } }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('has not been uploaded to this base');
    const otherBase = createBase(tessera.ctx, team.stranger.id, 'Elsewhere');
    const { body: foreign } = await upload(team.stranger.api, 'only theirs', 'text/plain', 'theirs.txt', otherBase);
    const borrowed = await team.editor.api.post(`/tables/${table.id}/records`, { records: [{ fields: { Cover: [{ id: foreign.id }] } }] });
    expect(borrowed.status).toBe(422);
    expect((await team.editor.api.get(`/tables/${table.id}/records`)).body.records.length).toBe(before);
  });

  it('takes any body as the file, JSON included, and cleans the file name', async () => {
    const json = '{"not": "parsed"}';
    const res = await upload(team.editor.api, json, 'application/json; charset=utf-8', '../../etc/报价单.json');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: sha256(json), filename: '报价单.json', size: json.length, type: 'application/json' });
    const untyped = await upload(team.editor.api, 'a,b\n1,2\n', undefined, 'data.csv');
    expect(untyped.body.type).toBe('text/csv');
  });

  it('refuses multipart bodies, and uploads by viewers, strangers and anonymous callers', async () => {
    expect((await upload(team.editor.api, 'x', 'multipart/form-data; boundary=abc', 'a.txt')).status).toBe(415);
    expect((await upload(team.viewer.api, 'x', 'text/plain', 'a.txt')).status).toBe(403);
    expect((await upload(team.stranger.api, 'x', 'text/plain', 'a.txt')).status).toBe(404);
    expect((await upload(new ApiClient(tessera.url), 'x', 'text/plain', 'a.txt')).status).toBe(401);
  });

  it('answers 413 from Content-Length before reading the body', async () => {
    const res = await rawUpload({ 'Content-Length': String(MAX_UPLOAD_BYTES + 1) }, Buffer.alloc(1024), 1);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('TOO_LARGE');
  });

  it('answers 413 as soon as a streamed body passes the limit, and keeps nothing', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const res = await rawUpload({ 'Transfer-Encoding': 'chunked' }, chunk, MAX_UPLOAD_BYTES / chunk.length + 20);
    expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(MAX_UPLOAD_BYTES / chunk.length + 20);
    expect(fs.readdirSync(`${tessera.dataDir}/attachments/tmp`)).toEqual([]);
    // The server is fine afterwards.
    expect((await upload(team.editor.api, 'after', 'text/plain', 'after.txt')).status).toBe(201);
  });
});

describe('downloading', () => {
  it('serves raster images inline, sandboxed and unsniffable', async () => {
    const { body: file } = await upload(team.editor.api, PNG, 'image/png', 'logo.png');
    const res = await download(team.viewer.api, file.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(PNG);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe(String(PNG.length));
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="logo.png"; filename*=UTF-8''logo.png`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');

    const again = await fetch(`${tessera.url}/api/v1/attachments/${file.id}`, {
      headers: { Authorization: `Bearer ${team.viewer.api.token}`, 'If-None-Match': `"${file.id}"` },
    });
    expect(again.status).toBe(304);
  });

  it('serves HTML, SVG and other active content as a download of opaque bytes', async () => {
    const html = '<script>alert(document.cookie)</script>';
    for (const [type, name] of [['text/html', 'page.html'], ['image/svg+xml', 'icon.svg'], ['application/xhtml+xml', 'x.xhtml']] as const) {
      const { body: file } = await upload(team.editor.api, `${html}${name}`, type, name);
      expect(file.type).toBe(type);
      const res = await download(team.owner.api, file.id);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    }
  });

  it('offers PDFs as downloads with their type and a UTF-8 file name', async () => {
    const { body: file } = await upload(team.editor.api, '%PDF-1.4 fake', 'application/pdf', '报价单 "v2".pdf');
    const res = await download(team.owner.api, file.id);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="___ _v2_.pdf"; filename*=UTF-8''${encodeURIComponent('报价单 "v2".pdf')}`,
    );
  });

  it('hides files from people outside the bases they were uploaded to', async () => {
    const { body: file } = await upload(team.editor.api, 'secret plan', 'text/plain', 'plan.txt');
    expect((await download(team.stranger.api, file.id)).status).toBe(404);
    expect((await download(team.owner.api, 'f'.repeat(64))).status).toBe(404);
    expect((await download(team.owner.api, 'not-a-hash')).status).toBe(404);
    const anonymous = await fetch(`${tessera.url}/api/v1/attachments/${file.id}`);
    expect(anonymous.status).toBe(401);

    // The same bytes uploaded in the stranger's own base open it to them, and to no one else.
    const theirBase = createBase(tessera.ctx, team.stranger.id, 'Stranger base');
    const again = await upload(team.stranger.api, 'secret plan', 'text/plain', 'mine.txt', theirBase);
    expect(again.body.id).toBe(file.id);
    expect((await download(team.stranger.api, file.id)).status).toBe(200);
    addMember(tessera.ctx, theirBase, team.viewer.id, 'viewer');
    expect((await download(team.viewer.api, file.id)).status).toBe(200);
  });
});
