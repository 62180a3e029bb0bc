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
out.prompt = await client.getPrompt({ name: 'prompt_generator', arguments: { idea: 'an owl at night' } });
await client.close();
console.log(JSON.stringify(out));
