// The official MCP TypeScript SDK as a client of easel, for
// cmd/easel/mcp_e2e_test.go. It does what an assistant does and prints
// what it received as one JSON object; the Go test judges it.
//
// node mcp_client.mjs SDK_DIR stdio COMMAND [ARGS...]
// node mcp_client.mjs SDK_DIR http URL [TOKEN]
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [sdkDir, mode, target, ...rest] = process.argv.slice(2);
const load = (p) => import(pathToFileURL(join(sdkDir, 'dist/esm', p)).href);
const { Client } = await load('client/index.js');

let transport;
if (mode === 'stdio') {
  const { StdioClientTransport } = await load('client/stdio.js');
  transport = new StdioClientTransport({ command: target, args: rest, env: process.env, stderr: 'inherit' });
} else {
  const { StreamableHTTPClientTransport } = await load('client/streamableHttp.js');
  const headers = rest[0] ? { Authorization: `Bearer ${rest[0]}` } : {};
  transport = new StreamableHTTPClientTransport(new URL(target), { requestInit: { headers } });
}

const out = {};
const client = new Client({ name: 'easel-e2e', version: '1.0.0' });
try {
  await client.connect(transport);
} catch (err) {
  out.connectError = String(err && err.message || err);
  console.log(JSON.stringify(out));
  process.exit(0);
}
out.server = client.getServerVersion();
out.tools = (await client.listTools()).tools;

out.writePrompt = await client.callTool({ name: 'write_prompt', arguments: { idea: 'a lighthouse in a storm', variations: 2, seed: 4 } });

out.progress = [];
out.imagine = await client.callTool(
  { name: 'imagine', arguments: { idea: 'a beach sunset', size: '512x320', seed: 1 } },
  undefined,
  { onprogress: (p) => out.progress.push(p), timeout: 120000 },
);

out.bad = {};
for (const [name, args] of [
  ['engine', { idea: 'a fox', engine: 'dalle9' }],
  ['size', { idea: 'a fox', size: '4096x4096' }],
  ['idea', { idea: '' }],
]) {
  try {
    out.bad[name] = await client.callTool({ name: 'imagine', arguments: args });
  } catch (err) {
    out.bad[name] = { protocolError: String(err && err.message || err) };
  }
}

const id = out.imagine.structuredContent?.artworks?.[0]?.id;
if (id) {
  out.refine = await client.callTool({ name: 'refine', arguments: { id, instruction: 'make it night, add a red sailboat' } });
  out.resource = await client.readResource({ uri: `easel://artwork/${id}` });
  out.resources = (await client.listResources()).resources;
}
// Cancelling: abort a render of four oil paintings once the first is
// drawn; the server must stop and save none of them. One uncancelled
// painting first says how long the rest would take on this machine now.
if (mode === 'stdio') {
  const args = { size: '1024x1024', style: 'oil painting', seed: 5 };
  const t0 = Date.now();
  await client.callTool({ name: 'imagine', arguments: { ...args, idea: 'a quiet lake at dawn, timing run' } }, undefined, { timeout: 120000 });
  const one = Date.now() - t0;
  const abort = new AbortController();
  out.cancel = { progress: [], oneMs: one };
  try {
    await client.callTool(
      { name: 'imagine', arguments: { ...args, idea: 'a quiet lake at dawn for the abort test', n: 4 } },
      undefined,
      { signal: abort.signal, timeout: 120000, onprogress: (p) => { out.cancel.progress.push(p); if (p.progress > 1) abort.abort('the person pressed stop'); } },
    );
    out.cancel.finished = true;
  } catch (err) {
    out.cancel.error = String(err && err.message || err);
  }
  // Were it not cancelled, the render would save its pictures well within
  // this wait: eight times what one took.
  const deadline = Date.now() + 8 * one + 1000;
  let found = 0;
  while (!found && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const s = await client.callTool({ name: 'search_gallery', arguments: { query: 'abort test' } });
    found = s.structuredContent.artworks.length;
  }
  out.cancel.saved = found;
}
out.prompt = await client.getPrompt({ name: 'prompt_generator', arguments: { idea: 'an owl at night' } });
await client.close();
console.log(JSON.stringify(out));
