// easel studio: plain JavaScript over the JSON API (/api/v1). No framework,
// no build step. Every request goes through api(), which adds the token
// when the server has one; job progress is read from server-sent events
// over fetch (EventSource cannot send the Authorization header).
"use strict";

const $ = (sel) => document.querySelector(sel);
const TOKEN_KEY = "easel-token";

// h builds an element: h("button", {class: "x", onclick: f}, "text", child).
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k in el && typeof v !== "string") el[k] = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const kid of kids.flat()) {
    if (kid === undefined || kid === null || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

class ApiError extends Error {
  constructor(message, code, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

function authHeaders() {
  const tok = sessionStorage.getItem(TOKEN_KEY);
  return tok ? { Authorization: "Bearer " + tok } : {};
}

// api calls the JSON API. A 401 asks for the token once and retries.
async function api(method, path, body, retried) {
  const headers = authHeaders();
  let payload;
  if (body instanceof Blob) {
    headers["Content-Type"] = "image/png";
    payload = body;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload });
  if (res.status === 401 && !retried) {
    await askToken();
    return api(method, path, body, true);
  }
  // A token that was refused is forgotten, so the next action asks again.
  if (res.status === 401) sessionStorage.removeItem(TOKEN_KEY);
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data && data.error;
    throw new ApiError(e ? e.message : res.status + " " + res.statusText, e && e.code, res.status);
  }
  return data;
}

function askToken() {
  const dlg = $("#token-dialog");
  return new Promise((resolve) => {
    dlg.addEventListener("close", () => {
      sessionStorage.setItem(TOKEN_KEY, $("#token-input").value.trim());
      resolve();
    }, { once: true });
    if (!dlg.open) dlg.showModal();
  });
}

let toastTimer;
function toast(msg, kind) {
  const t = $("#toast");
  t.textContent = msg;
  t.className = "toast" + (kind ? " " + kind : "");
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, kind === "info" ? 2500 : 7000);
}

function fail(err) {
  console.error(err);
  toast(err.message || String(err));
}

async function copyText(text, what) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API needs a secure context; fall back to a selection.
    const ta = h("textarea", { class: "sr-only" }, text);
    document.body.append(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
  toast("Copied " + what, "info");
}

const debounce = (fn, ms) => {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
};

// ---- state ---------------------------------------------------------------

const state = {
  info: null,
  written: null, // the last /prompts answer, with what it was written for
  job: null,
  // done until resetGallery starts the first page, so the scroll observer
  // cannot load a page before the studio knows its settings.
  gallery: { q: "", offset: 0, done: true, loading: false, ids: [] },
  detailID: null,
};

// ---- setup ---------------------------------------------------------------

async function loadInfo() {
  const info = await api("GET", "/api/v1/info");
  state.info = info;
  $("#version").textContent = "v" + info.version;
  const engine = $("#engine");
  engine.replaceChildren();
  for (const e of info.engines) {
    engine.append(h("option", { value: e.name, disabled: !e.available, title: e.problem || "" },
      e.name + (e.available ? "" : " (not set up)")));
  }
  engine.value = info.default_engine.split(":")[0];
  const llm = $("#llm");
  llm.replaceChildren(...info.llms.map((n) => h("option", { value: n }, n)));
  llm.value = info.default_llm.split(":")[0];
  const style = $("#style");
  for (const s of info.styles) style.append(h("option", { value: s }, s));
  const dialect = $("#dialect");
  for (const d of info.dialects) if (d !== "midjourney") dialect.append(h("option", { value: d }, d));
}

function engineCaps(name) {
  const e = state.info && state.info.engines.find((x) => x.name === name.split(":")[0]);
  return (e && e.capabilities) || {};
}

// request gathers the form into a JobRequest.
function request() {
  const num = (sel) => {
    const v = $(sel).value.trim();
    return v === "" ? undefined : Number(v);
  };
  const req = {
    idea: $("#idea").value.trim(),
    engine: $("#engine").value,
    llm: $("#llm").value,
    style: $("#style").value || undefined,
    aspect: $("#aspect").value,
    long: num("#long"),
    n: num("#count") || 1,
    variations: num("#variations") || 1,
    chaos: num("#chaos"),
    dialect: $("#dialect").value || undefined,
    negative: $("#negative").value.trim() || undefined,
  };
  const seed = num("#seed");
  if (seed !== undefined) req.seed = seed;
  return req;
}

// The prompts on screen belong to one request; changing it makes them stale.
function writtenKey(req) {
  return JSON.stringify([req.idea, req.engine, req.llm, req.style, req.aspect, req.long, req.variations, req.chaos, req.dialect, req.negative, req.seed]);
}

// ---- writing prompts -----------------------------------------------------

async function writePrompts() {
  const req = request();
  if (!req.idea) { $("#idea").focus(); return toast("Type an idea first: what should easel paint?"); }
  const btn = $("#write-btn");
  btn.disabled = true;
  try {
    const resp = await api("POST", "/api/v1/prompts", req);
    state.written = { key: writtenKey(req), resp };
    renderPrompts(resp);
  } catch (e) {
    fail(e);
  } finally {
    btn.disabled = false;
  }
}

function renderPrompts(resp) {
  const box = $("#prompts");
  box.replaceChildren();
  resp.prompts.forEach((p, i) => {
    const sd = resp.dialect === "sd" || resp.dialect === "sdxl";
    const counter = h("span", { class: "tokens", "aria-live": "polite" });
    const text = h("textarea", { class: "ptext", rows: 4, "aria-label": "Prompt " + (i + 1) + " (editable)" });
    text.value = p.text;
    const neg = h("textarea", { class: "neg", rows: 1, "aria-label": "Negative prompt " + (i + 1), placeholder: "negative prompt" });
    neg.value = p.negative || "";
    if (sd) {
      showTokens(counter, p.tokens);
      const recount = debounce(async () => {
        try { showTokens(counter, await api("POST", "/api/v1/tokens", { text: text.value })); } catch (e) { fail(e); }
      }, 150);
      text.addEventListener("input", recount);
    }
    const copies = h("div", { class: "copy-row" }, h("span", { class: "muted small" }, "Copy as"),
      Object.entries(p.dialects).map(([d, r]) => h("button", {
        type: "button", onclick: () => copyText(d === resp.dialect ? text.value : r.prompt, d + " prompt"),
      }, d)));
    box.append(h("article", { class: "prompt-card", dataset: { index: i } },
      h("header", {}, h("strong", {}, resp.prompts.length > 1 ? "Variation " + (i + 1) : "Prompt"),
        h("span", { class: "badge" }, resp.dialect), h("span", { class: "muted" }, "seed " + resp.seed), counter),
      text, neg, copies));
  });
}

function showTokens(el, tc) {
  if (!tc) return;
  el.textContent = tc.tokens + " / " + tc.limit + " tokens" + (tc.chunks.length > 1 ? " · " + tc.chunks.length + " chunks" : "");
  el.classList.toggle("over", tc.over);
  el.title = tc.over ? "Past " + tc.limit + " tokens the text encoder starts a new chunk: later words count for less" : "";
}

function markStale() {
  if (!state.written) return;
  const stale = state.written.key !== writtenKey(request());
  for (const c of document.querySelectorAll(".prompt-card")) c.classList.toggle("stale", stale);
}

// ---- generating ----------------------------------------------------------

async function generate(ev) {
  if (ev) ev.preventDefault();
  const req = request();
  if (!req.idea) { $("#idea").focus(); return toast("Type an idea first: what should easel paint?"); }
  // Prompts on screen that match the form are sent as edited.
  if (state.written && state.written.key === writtenKey(req)) {
    const cards = document.querySelectorAll(".prompt-card");
    req.prompts = state.written.resp.prompts.map((p, i) => ({
      prompt: p.prompt,
      text: cards[i].querySelector(".ptext").value,
      negative: cards[i].querySelector(".neg").value,
    }));
    req.seed = state.written.resp.seed;
  }
  await runJob("POST", "/api/v1/jobs", req, "Writing the prompt…");
}

async function runJob(method, path, body, first) {
  const btn = $("#generate-btn");
  btn.disabled = true;
  const jobBox = $("#job");
  jobBox.hidden = false;
  $("#progress").value = 0;
  setStatus(first || "Queued…");
  $("#results").replaceChildren();
  $("#cancel-btn").hidden = false;
  try {
    const job = await api(method, path, body);
    state.job = job;
    await followJob(job);
  } catch (e) {
    setStatus("Failed: " + e.message);
    fail(e);
  } finally {
    btn.disabled = false;
    state.job = null;
    // A finished job has nothing left to cancel.
    $("#cancel-btn").hidden = true;
  }
}

function setStatus(text) { $("#job-status").textContent = text; }

// followJob reads the job's server-sent events until "done".
async function followJob(job) {
  const res = await fetch(job.events_url, { headers: authHeaders() });
  if (!res.ok) throw new ApiError("cannot follow the job (" + res.status + ")");
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  let made = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let i;
    while ((i = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      let type = "message";
      let data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) type = line.slice(7);
        else if (line.startsWith("data: ")) data += line.slice(6);
      }
      if (!data) continue;
      const ev = JSON.parse(data);
      switch (type) {
        case "state":
          if (ev.state === "running") setStatus("Writing the prompt…");
          break;
        case "prompt":
          setStatus("Painting" + (ev.index > 0 ? " variation " + (ev.index + 1) : "") + "…");
          break;
        case "progress":
          $("#progress").value = ev.fraction;
          break;
        case "artwork":
          made++;
          $("#results").append(tile(ev, true));
          addToGallery(ev);
          break;
        case "done":
          $("#progress").value = ev.state === "done" ? 1 : $("#progress").value;
          if (ev.state === "done") setStatus("Done: " + made + (made === 1 ? " picture" : " pictures") + " in the gallery.");
          else if (ev.state === "canceled") setStatus("Cancelled. " + (ev.error ? ev.error.message : ""));
          else { setStatus("Failed: " + (ev.error ? ev.error.message : "unknown error")); toast(ev.error ? ev.error.message : "The job failed"); }
          return ev;
      }
    }
  }
}

async function cancelJob() {
  if (!state.job) return;
  try { await api("DELETE", "/api/v1/jobs/" + state.job.id); } catch (e) { fail(e); }
}

// ---- gallery -------------------------------------------------------------

function tile(a, fresh) {
  const img = h("img", { src: a.thumb_url, alt: a.idea, loading: "lazy", decoding: "async", width: a.width, height: a.height });
  return h("button", {
    type: "button", class: "tile" + (fresh ? " new" : ""), dataset: { id: a.id },
    title: a.idea, onclick: () => openDetail(a.id),
  }, img, h("span", { class: "cap" }, a.idea));
}

function addToGallery(a) {
  if (state.gallery.q) return; // a search shows only what matches
  $("#grid-empty").hidden = true;
  state.gallery.ids.unshift(a.id);
  $("#grid").prepend(tile(a, false));
  state.gallery.offset++;
}

async function loadPage() {
  const g = state.gallery;
  if (g.loading || g.done) return;
  g.loading = true;
  const q = g.q;
  let stale = false;
  try {
    const params = new URLSearchParams({ limit: "30", offset: String(g.offset) });
    if (q) params.set("q", q);
    const page = await api("GET", "/api/v1/artworks?" + params);
    // A new search replaced the gallery while this page loaded.
    stale = g !== state.gallery;
    if (stale) return;
    for (const a of page.artworks) {
      g.ids.push(a.id);
      $("#grid").append(tile(a, false));
    }
    g.offset = page.next_offset === null ? g.offset + page.artworks.length : page.next_offset;
    g.done = page.next_offset === null;
    $("#grid-empty").hidden = g.ids.length > 0;
    $("#grid-empty").textContent = q ? "Nothing matches “" + q + "”." : "Nothing here yet: type an idea above and press Generate.";
  } catch (e) {
    fail(e);
    g.done = true;
  } finally {
    g.loading = false;
  }
  // A short page may leave the sentinel in view: keep filling.
  if (!stale && !g.done && sentinelVisible()) loadPage();
}

function sentinelVisible() {
  const r = $("#sentinel").getBoundingClientRect();
  return r.top < window.innerHeight + 400;
}

function resetGallery(q) {
  state.gallery = { q, offset: 0, done: false, loading: false, ids: [] };
  $("#grid").replaceChildren();
  loadPage();
}

// Arrow keys move between tiles.
function gridKeys(ev) {
  const t = ev.target.closest(".tile");
  if (!t) return;
  const tiles = [...t.parentElement.querySelectorAll(".tile")];
  const i = tiles.indexOf(t);
  const cols = Math.max(1, Math.round(t.parentElement.clientWidth / t.getBoundingClientRect().width));
  const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols }[ev.key];
  if (step === undefined) return;
  const next = tiles[i + step];
  if (next) { ev.preventDefault(); next.focus(); }
}

// ---- detail --------------------------------------------------------------

async function openDetail(id) {
  let d;
  try { d = await api("GET", "/api/v1/artworks/" + encodeURIComponent(id)); } catch (e) { return fail(e); }
  state.detailID = d.artwork.id;
  const a = d.artwork;
  $("#detail-img").src = a.image_url;
  $("#detail-img").alt = a.idea;
  $("#detail-idea").textContent = a.idea;
  $("#detail-prompt").textContent = a.prompt;
  $("#detail-negative").textContent = a.negative_prompt || "none";
  $("#download").href = a.image_url + (a.image_url.includes("?") ? "&" : "?") + "download=1";
  $("#download").setAttribute("download", "easel-" + a.id + ".png");

  const params = [
    ["engine", a.engine], ["model", a.model], ["seed", a.seed], ["size", a.width + "×" + a.height],
    ["steps", a.steps], ["cfg scale", a.cfg_scale], ["sampler", a.sampler], ["dialect", a.dialect],
    ["style", a.style], ["writer", a.writer], ["made by", a.method], ["template", a.template],
    ["cost", a.cost_usd ? "$" + a.cost_usd.toFixed(4) : "free"], ["time", (a.elapsed_ms / 1000).toFixed(2) + " s"],
    ["created", new Date(a.created_at).toLocaleString()], ["id", a.id],
  ].filter(([, v]) => v !== undefined && v !== null && v !== "" && v !== 0);
  $("#detail-params").replaceChildren(...params.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))]));

  const copyRow = $("#copy-row");
  copyRow.replaceChildren(h("span", { class: "muted small" }, "Copy as"),
    ...Object.entries(d.dialects).map(([dl, r]) => h("button", {
      type: "button", onclick: () => copyText(dl === a.dialect ? a.prompt : r.prompt, dl + " prompt"),
    }, dl)));

  // Lineage: idea → each parent → this picture.
  const lin = $("#lineage");
  lin.replaceChildren(h("li", {}, h("span", { class: "step" }, "idea: " + (d.lineage[0] || a).idea)));
  // A refine step reads as the conversation: what was asked.
  const said = (x) => x.instruction ? "asked “" + x.instruction + "”" : x.method;
  for (const p of d.lineage) lin.append(h("li", {}, mini(p, false), h("span", { class: "step" }, said(p))));
  lin.append(h("li", {}, mini(a, true), h("span", { class: "step current" }, said(a) + " (this)")));
  $("#children-box").hidden = d.children.length === 0;
  $("#children").replaceChildren(...d.children.map((c) => mini(c, false)));

  const dlg = $("#detail");
  if (!dlg.open) dlg.showModal();
  $("#detail .close").focus();
}

function mini(a, current) {
  return h("button", {
    type: "button", class: "mini" + (current ? " current" : ""), title: a.method + ": " + a.idea,
    "aria-label": "Open " + a.method + " " + a.id, onclick: () => openDetail(a.id),
  }, h("img", { src: a.thumb_url, alt: "" }));
}

function detailKeys(ev) {
  if (ev.target.matches("input, textarea")) return;
  const step = { ArrowRight: 1, ArrowLeft: -1 }[ev.key];
  if (!step) return;
  const ids = state.gallery.ids;
  const i = ids.indexOf(state.detailID);
  const next = ids[i + step];
  if (i >= 0 && next) { ev.preventDefault(); openDetail(next); }
}

async function fromDetail(path, body) {
  $("#detail").close();
  window.scrollTo({ top: 0, behavior: "smooth" });
  await runJob("POST", "/api/v1/artworks/" + state.detailID + path, body, "Queued…");
}

// ---- dropped PNGs --------------------------------------------------------

let inspected = null;

async function inspectFile(file) {
  if (!file) return;
  const png = !file.type || file.type === "image/png";
  if (!png && /^image\/(jpeg|webp)$/.test(file.type) && window.describeFile) return describeFile(file, false);
  if (!png) return toast("That is not a picture easel reads: drop a PNG, JPEG or WebP.");
  let r;
  try { r = await api("POST", "/api/v1/inspect", file); } catch (e) { return fail(e); }
  if (window.describeFile) describeFile(file, true);
  inspected = r;
  const m = r.metadata;
  const img = $("#inspect-img");
  if (img.src.startsWith("blob:")) URL.revokeObjectURL(img.src);
  img.src = URL.createObjectURL(file);
  const names = { easel: "easel", a1111: "AUTOMATIC1111", comfyui: "ComfyUI", invokeai: "InvokeAI", unknown: "no generation metadata" };
  $("#inspect-source").textContent = names[m.source] || m.source;
  $("#inspect-prompt").textContent = m.prompt || "none";
  $("#inspect-negative").textContent = m.negative_prompt || "none";
  const params = [["seed", m.seed], ["size", m.width && m.width + "×" + m.height], ["steps", m.steps],
    ["cfg scale", m.cfg_scale], ["sampler", m.sampler], ["scheduler", m.scheduler], ["model", m.model]]
    .filter(([, v]) => v !== undefined && v !== null && v !== "" && v !== 0);
  $("#inspect-params").replaceChildren(...params.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))]));
  const btn = $("#inspect-reproduce");
  btn.hidden = !r.reproduce;
  const eng = r.reproduce && r.reproduce.engine ? r.reproduce.engine : $("#engine").value;
  $("#inspect-engine").textContent = r.reproduce ? "on " + eng : "Nothing to reproduce: the PNG has no prompt.";
  $("#inspect").showModal();
}

async function reproduceInspected() {
  if (!inspected || !inspected.reproduce) return;
  const req = Object.assign({}, inspected.reproduce);
  if (!req.engine) req.engine = $("#engine").value;
  $("#inspect").close();
  window.scrollTo({ top: 0, behavior: "smooth" });
  await runJob("POST", "/api/v1/jobs", req, "Queued…");
}

function setupDrop() {
  let depth = 0;
  const overlay = $("#drop");
  const hasFiles = (ev) => ev.dataTransfer && [...ev.dataTransfer.types].includes("Files");
  window.addEventListener("dragenter", (ev) => { if (hasFiles(ev)) { depth++; overlay.hidden = false; } });
  window.addEventListener("dragleave", () => { depth = Math.max(0, depth - 1); if (!depth) overlay.hidden = true; });
  window.addEventListener("dragover", (ev) => { if (hasFiles(ev)) ev.preventDefault(); });
  window.addEventListener("drop", (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    depth = 0;
    overlay.hidden = true;
    inspectFile(ev.dataTransfer.files[0]);
  });
}

// ---- wiring --------------------------------------------------------------

function setup() {
  $("#idea-form").addEventListener("submit", generate);
  $("#write-btn").addEventListener("click", writePrompts);
  $("#cancel-btn").addEventListener("click", cancelJob);
  $("#idea").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); generate(); }
  });
  $("#idea-form").addEventListener("input", markStale);
  $("#idea-form").addEventListener("change", markStale);
  $("#chaos").addEventListener("input", () => { $("#chaos-out").value = $("#chaos").value; });

  $("#search").addEventListener("input", debounce(() => resetGallery($("#search").value.trim()), 250));
  $("#search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { ev.preventDefault(); resetGallery($("#search").value.trim()); }
  });
  $("#grid").addEventListener("keydown", gridKeys);
  new IntersectionObserver((es) => { if (es.some((e) => e.isIntersecting)) loadPage(); }, { rootMargin: "400px" })
    .observe($("#sentinel"));

  for (const b of document.querySelectorAll("[data-close]")) b.addEventListener("click", () => b.closest("dialog").close());
  for (const d of document.querySelectorAll("dialog")) {
    // A click on the backdrop closes a dialog.
    d.addEventListener("click", (ev) => { if (ev.target === d && d.id !== "token-dialog") d.close(); });
  }
  $("#detail").addEventListener("keydown", detailKeys);
  $("#vary-subtle").addEventListener("click", () => fromDetail("/vary", { strength: "subtle" }));
  $("#vary-strong").addEventListener("click", () => fromDetail("/vary", { strength: "strong" }));
  $("#reproduce").addEventListener("click", () => fromDetail("/reproduce", {}));
  $("#inspect-reproduce").addEventListener("click", reproduceInspected);
  $("#open-png").addEventListener("click", () => $("#png-file").click());
  $("#png-file").addEventListener("change", (ev) => { inspectFile(ev.target.files[0]); ev.target.value = ""; });
  setupDrop();

  document.addEventListener("keydown", (ev) => {
    if (ev.key === "/" && !ev.target.matches("input, textarea, select") && !document.querySelector("dialog[open]")) {
      ev.preventDefault();
      $("#search").focus();
    }
  });
  loadInfo().then(() => resetGallery(""), fail);
}

setup();
