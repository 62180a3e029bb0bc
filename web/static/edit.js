// easel studio: pictures in. The edit dialog shows a picture with a mask
// canvas over it: the person paints (or erases) what to repaint, types
// what should change, sets the strength and asks for an edit; zoom out,
// pan and upscale need no words. Everything goes to POST /api/v1/edit
// with the gallery id, or the dropped or chosen file in base64, and the
// results join the gallery as the picture's children. Uses app.js's $, h,
// api, state, toast, fail, addToGallery and openDetail.
"use strict";

const editor = { artworkID: null, dataURL: null, key: null, painted: false, erasing: false, drawing: false, last: null };

// openEditor shows the dialog for a gallery picture (id and image URL) or
// for a file (PNG, JPEG or WebP).
async function openEditor({ artworkID, url, file }) {
  editor.artworkID = artworkID || null;
  editor.dataURL = null;
  let src = url;
  if (file) {
    if (!/^image\/(png|jpeg|webp)$/.test(file.type)) return toast("easel edits PNG, JPEG and WebP pictures.");
    editor.dataURL = await new Promise((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.readAsDataURL(file);
    });
    src = editor.dataURL;
  }
  const img = new Image();
  img.decoding = "async";
  await new Promise((resolve, reject) => { img.onload = resolve; img.onerror = () => reject(new Error("the picture could not be shown")); img.src = src; }).catch(fail);
  if (!img.naturalWidth) return;
  const pic = $("#edit-canvas"), mask = $("#edit-mask");
  for (const c of [pic, mask]) { c.width = img.naturalWidth; c.height = img.naturalHeight; }
  pic.getContext("2d").drawImage(img, 0, 0);
  // A picture shown from a blob: URL (a dropped file) is sent as the PNG
  // of what is drawn: the page may not fetch blob: URLs.
  if (!artworkID && !file) editor.dataURL = pic.toDataURL("image/png");
  clearMask();
  // A new picture starts with no words; the same one keeps them, to try again.
  const key = artworkID || src.slice(0, 256);
  if (editor.key !== key) $("#edit-words").value = "";
  editor.key = key;
  copyOptions("#engine", "#edit-engine");
  copyOptions("#style", "#edit-style", "from the words");
  $("#edit-status").textContent = img.naturalWidth + "×" + img.naturalHeight;
  const dlg = $("#edit");
  if ($("#detail").open) $("#detail").close();
  if ($("#inspect").open) $("#inspect").close();
  if (!dlg.open) dlg.showModal();
  $("#edit-words").focus();
}

function copyOptions(from, to, first) {
  const sel = $(to), keep = sel.value;
  sel.replaceChildren(...[...$(from).options].map((o) => h("option", { value: o.value }, first && o.value === "" ? first : o.textContent)));
  if ([...sel.options].some((o) => o.value === keep)) sel.value = keep;
  else if ($(from).value) sel.value = $(from).value;
}

function clearMask() {
  const m = $("#edit-mask");
  m.getContext("2d").clearRect(0, 0, m.width, m.height);
  editor.painted = false;
}

// Painting: pointer positions are mapped from the shown size to the
// picture's own pixels, so the mask has the picture's size.
function maskPoint(ev) {
  const m = $("#edit-mask"), r = m.getBoundingClientRect();
  return { x: (ev.clientX - r.left) * m.width / r.width, y: (ev.clientY - r.top) * m.height / r.height, k: m.width / r.width };
}

function paint(ev) {
  if (!editor.drawing) return;
  const p = maskPoint(ev), ctx = $("#edit-mask").getContext("2d");
  ctx.globalCompositeOperation = editor.erasing ? "destination-out" : "source-over";
  ctx.strokeStyle = ctx.fillStyle = "#ff3b5c";
  ctx.lineCap = ctx.lineJoin = "round";
  ctx.lineWidth = Number($("#edit-brush").value) * p.k;
  ctx.beginPath();
  const from = editor.last || p;
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(p.x, p.y);
  ctx.stroke();
  editor.last = p;
  if (!editor.erasing) editor.painted = true;
}

// maskPNG is the painted mask as A1111 reads it: white where painted,
// black elsewhere, base64 PNG; null when nothing is painted.
function maskPNG() {
  if (!editor.painted) return null;
  const m = $("#edit-mask");
  const src = m.getContext("2d").getImageData(0, 0, m.width, m.height);
  let any = false;
  const out = new ImageData(m.width, m.height);
  for (let i = 0; i < src.data.length; i += 4) {
    const a = src.data[i + 3] > 24 ? 255 : 0;
    any = any || a > 0;
    out.data[i] = out.data[i + 1] = out.data[i + 2] = a;
    out.data[i + 3] = 255;
  }
  if (!any) return null;
  const c = h("canvas", { width: m.width, height: m.height });
  c.getContext("2d").putImageData(out, 0, 0);
  return c.toDataURL("image/png").split(",")[1];
}

// sendEdit asks for one operation on the picture in the dialog (or on the
// picture open in the detail view when the dialog is closed).
async function sendEdit(body, busyText) {
  const dlg = $("#edit");
  const fromDialog = dlg.open;
  if (fromDialog) {
    if (editor.artworkID) body.artwork_id = editor.artworkID;
    else body.image = editor.dataURL;
    body.engine = $("#edit-engine").value || undefined;
  } else {
    body.artwork_id = state.detailID;
    body.engine = $("#engine").value || undefined;
  }
  const buttons = document.querySelectorAll("#edit .actions button, #zoom-out, #upscale-2");
  buttons.forEach((b) => { b.disabled = true; });
  $("#edit-status").textContent = busyText;
  toast(busyText, "info");
  try {
    const r = await api("POST", "/api/v1/edit", body);
    for (const n of r.notes) toast(n, "info");
    r.artworks.slice().reverse().forEach((a) => addToGallery(a));
    if (dlg.open) dlg.close();
    if (r.artworks.length) openDetail(r.artworks[0].id);
  } catch (e) {
    $("#edit-status").textContent = e.message;
    fail(e);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

function editNow() {
  const words = $("#edit-words").value.trim();
  if (!words) { $("#edit-words").focus(); return toast("Say what should change, for example: as a watercolor."); }
  const body = { op: "edit", words, strength: Number($("#edit-strength").value), style: $("#edit-style").value || undefined };
  const mask = maskPNG();
  if (mask) body.mask = mask;
  sendEdit(body, mask ? "Repainting the masked area…" : "Repainting the picture…");
}

function setupEditor() {
  const mask = $("#edit-mask");
  mask.addEventListener("pointerdown", (ev) => { editor.drawing = true; editor.last = null; mask.setPointerCapture(ev.pointerId); paint(ev); });
  mask.addEventListener("pointermove", paint);
  for (const t of ["pointerup", "pointercancel"]) mask.addEventListener(t, () => { editor.drawing = false; editor.last = null; });
  $("#edit-clear").addEventListener("click", clearMask);
  $("#edit-erase").addEventListener("click", () => {
    editor.erasing = !editor.erasing;
    $("#edit-erase").setAttribute("aria-pressed", String(editor.erasing));
  });
  $("#edit-strength").addEventListener("input", () => { $("#edit-strength-out").value = Number($("#edit-strength").value).toFixed(2); });
  $("#edit-go").addEventListener("click", editNow);
  $("#edit-words").addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); editNow(); } });
  const words = () => $("#edit-words").value.trim() || undefined;
  $("#edit-zoom").addEventListener("click", () => sendEdit({ op: "outpaint", aspect: "16:9", words: words() }, "Zooming out…"));
  $("#edit-pan-left").addEventListener("click", () => sendEdit({ op: "outpaint", expand: panBy(true), words: words() }, "Panning left…"));
  $("#edit-pan-right").addEventListener("click", () => sendEdit({ op: "outpaint", expand: panBy(false), words: words() }, "Panning right…"));
  $("#edit-up2").addEventListener("click", () => sendEdit({ op: "upscale", scale: 2 }, "Upscaling 2×…"));

  $("#edit-open").addEventListener("click", () => openEditor({ artworkID: state.detailID, url: $("#detail-img").src }));
  $("#zoom-out").addEventListener("click", () => sendEdit({ op: "outpaint", aspect: "16:9" }, "Zooming out…"));
  $("#upscale-2").addEventListener("click", () => sendEdit({ op: "upscale", scale: 2 }, "Upscaling 2×…"));
  $("#open-edit").addEventListener("click", () => $("#edit-file").click());
  $("#edit-file").addEventListener("change", (ev) => { openEditor({ file: ev.target.files[0] }); ev.target.value = ""; });
  $("#inspect-edit").addEventListener("click", () => openEditor({ url: $("#inspect-img").src }));
}

// panBy extends a quarter of the picture's width on one side.
function panBy(left) {
  const w = Math.max(16, Math.round($("#edit-canvas").width / 4));
  return left ? w + ",0,0,0" : "0,0," + w + ",0";
}

setupEditor();
