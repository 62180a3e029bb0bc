// easel studio: steer in words and describe. A picture's page gets a
// refine box: type an instruction, preview the new prompt and what
// changed (POST /api/v1/artworks/{id}/refine with prompt_only), then
// render it as the picture's child. A dropped picture (PNG, JPEG or WebP)
// is described (POST /api/v1/describe): its prompts, each with a button
// that generates it. Uses app.js's $, h, api, state, toast, fail, runJob
// and the dialogs of index.html.
"use strict";

// ---- refine ----------------------------------------------------------------

function setupRefine() {
  const box = h("form", { id: "refine-form", class: "refine" },
    h("label", { for: "refine-input", class: "muted small" }, "Steer it in words"),
    h("div", { class: "refine-row" },
      h("input", { id: "refine-input", type: "text", maxlength: "500", autocomplete: "off",
        placeholder: "make it night, add a red sailboat" }),
      h("button", { type: "button", id: "refine-preview-btn", class: "secondary" }, "Preview"),
      h("button", { type: "submit", class: "primary" }, "Refine")),
    h("div", { id: "refine-preview", hidden: true },
      h("p", { id: "refine-changes", class: "muted small" }),
      h("p", { id: "refine-prompt", class: "prompt-text" })));
  $("#detail .detail-actions").after(box);
  $("#refine-preview-btn").addEventListener("click", previewRefine);
  box.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const instruction = $("#refine-input").value.trim();
    if (!instruction) return toast("Say what to change, for example: make it night.");
    fromDetail("/refine", { instruction });
  });
  // A fresh picture page starts with an empty box.
  new MutationObserver(() => { if ($("#detail").open) resetRefine(); })
    .observe($("#detail-img"), { attributes: true, attributeFilter: ["src"] });
}

function resetRefine() {
  $("#refine-input").value = "";
  $("#refine-preview").hidden = true;
}

async function previewRefine() {
  const instruction = $("#refine-input").value.trim();
  if (!instruction) return toast("Say what to change, for example: make it night.");
  let r;
  try {
    r = await api("POST", "/api/v1/artworks/" + encodeURIComponent(state.detailID) + "/refine", { instruction, prompt_only: true });
  } catch (e) { return fail(e); }
  $("#refine-changes").textContent = "What changed: " + r.changes.join("; ");
  $("#refine-prompt").textContent = r.prompt;
  $("#refine-preview").hidden = false;
}

// ---- describe --------------------------------------------------------------

function setupDescribe() {
  const sec = h("section", { id: "describe-box", class: "describe", hidden: true },
    h("h3", {}, "Prompts that could make it"),
    h("p", { id: "describe-note", class: "muted small" }),
    h("ol", { id: "describe-list", class: "describe-list" }));
  $("#inspect .inspect-body > div").append(sec);
}

// describeFile shows the prompts that could make a dropped picture. For
// a PNG the inspect dialog is already open; other pictures open it with
// the describe section only.
async function describeFile(file, png) {
  if (png) {
    $("#inspect-reproduce").style.display = "";
    $("#inspect-title").textContent = "What this PNG says";
  } else {
    const img = $("#inspect-img");
    if (img.src.startsWith("blob:")) URL.revokeObjectURL(img.src);
    img.src = URL.createObjectURL(file);
    $("#inspect-source").textContent = "no generation metadata";
    $("#inspect-prompt").textContent = "none";
    $("#inspect-negative").textContent = "none";
    $("#inspect-params").replaceChildren();
    // The button is styled to show, so hiding takes display too.
    $("#inspect-reproduce").hidden = true;
    $("#inspect-reproduce").style.display = "none";
    $("#inspect-title").textContent = "What this picture says";
    $("#inspect-engine").textContent = "";
    if (!$("#inspect").open) $("#inspect").showModal();
  }
  const box = $("#describe-box");
  box.hidden = false;
  $("#describe-note").textContent = "Reading the picture…";
  $("#describe-list").replaceChildren();
  const form = new FormData();
  form.append("image", file);
  form.append("n", "4");
  let r;
  try {
    const res = await fetch("/api/v1/describe", { method: "POST", headers: authHeaders(), body: form });
    r = await res.json();
    if (!res.ok) throw new ApiError(r && r.error ? r.error.message : res.statusText, r && r.error && r.error.code, res.status);
  } catch (e) { $("#describe-note").textContent = ""; return fail(e); }
  $("#describe-note").textContent = r.note || (r.made_by ? "Number 1 is the prompt " + r.made_by + " recorded." : "");
  $("#describe-list").replaceChildren(...r.prompts.map((p) => h("li", {},
    h("p", { class: "prompt-text" }, p.prompt),
    h("button", { type: "button", class: "secondary", onclick: () => generateDescribed(p, r) }, "Generate"))));
}

async function generateDescribed(p, r) {
  const idea = (p.canonical && p.canonical.idea) || p.prompt.split(/\s+/).slice(0, 20).join(" ");
  const req = { idea, engine: $("#engine").value, prompts: [{ prompt: p.canonical, text: p.prompt, negative: p.negative_prompt || "" }] };
  if (r.width && r.height && r.width <= 2048 && r.height <= 2048 && r.width >= 64 && r.height >= 64) req.size = r.width + "x" + r.height;
  $("#inspect").close();
  window.scrollTo({ top: 0, behavior: "smooth" });
  await runJob("POST", "/api/v1/jobs", req, "Queued…");
}

setupRefine();
setupDescribe();
