// FaceMesh review page. Every text a reviewer typed is set through textContent, value or new Option: never parsed as
// HTML. Every action is posted to the server, which applies it to the latest edits and answers with the new state.
"use strict";

const CARD_FACES = 12;
let state = null;
const selected = new Set();
const expanded = new Set();

const $ = (id) => document.getElementById(id);
const faceCount = (count) => `${count} face${count === 1 ? "" : "s"}`;

function element(tag, properties = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(properties)) {
    if (key === "testid") node.dataset.testid = value;
    else if (key === "onclick" || key === "onchange" || key === "onkeydown") node.addEventListener(key.slice(2), value);
    else node[key] = value;
  }
  for (const child of children) node.append(child);
  return node;
}

async function load(reload = false) {
  const response = await fetch(`api/state${reload ? "?reload=true" : ""}`);
  if (!response.ok) return showError(`could not load the review (${response.status})`);
  state = await response.json();
  render();
}

async function post(action) {
  const response = await fetch("api/actions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(action),
  });
  const body = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
  if (!response.ok) return showError(body.error ?? `the server answered ${response.status}`);
  const before = state;
  state = body;
  showMessage(done(action, before), "done");
  render();
}

function showError(text) {
  showMessage(text, "error");
}

function showMessage(text, kind) {
  const message = $("message");
  message.textContent = text;
  message.className = kind;
}

/** A short confirmation of an action that was just stored; people are named as they were when it was taken. */
function done(action, before) {
  const name = (id) => before.people.find((p) => p.id === id)?.displayName ?? "the person";
  const faces = (list) => faceCount(list?.length ?? 0);
  switch (action.action) {
    case "merge": return `Merged into ${name(action.target)}.`;
    case "move": return action.target === "noise" ? `Moved ${faces(action.faces)} to noise.` : `Moved ${faces(action.faces)}.`;
    case "discard": return `Discarded ${faces(action.faces)}.`;
    case "restore": return `Restored ${faces(action.faces)}.`;
    case "name": return action.name ? `Named ${action.name}.` : "Name cleared.";
    case "split": return "Split.";
    case "filter": return "Quality filter applied.";
    case "undo": return "Undone.";
    default: return "Saved.";
  }
}

/** The sharpness slider runs 0-100 on a square scale over 0-300: fine steps where blur is judged (about 50). */
const SHARPNESS_MAX = 300;
const sharpnessOf = (position) => Math.round(SHARPNESS_MAX * (position / 100) ** 2 * 10) / 10;
const sharpnessPosition = (sharpness) => Math.min(100, Math.round(100 * Math.sqrt(Math.max(0, sharpness) / SHARPNESS_MAX)));

/** A face thumbnail: a click selects it, its corner button (or a double-click, or Enter) shows it large. */
function faceImage(id) {
  const image = element("img", { src: `faces/${encodeURIComponent(id)}.jpg`, alt: id, loading: "lazy", title: describeFace(id), tabIndex: 0 });
  image.dataset.face = id;
  image.setAttribute("role", "checkbox");
  image.setAttribute("aria-label", describeFace(id));
  const toggle = () => {
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    markSelected(image);
    renderSelection();
  };
  markSelected(image);
  image.addEventListener("click", toggle);
  image.addEventListener("dblclick", () => showFace(id));
  image.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === " ") toggle();
    else if (event.key === "Enter") showFace(id);
    else if (event.key === "m" || event.key === "M") { if (selected.size > 0) $("move-target").focus(); }
    else if (event.key === "Escape") { selected.clear(); render(); }
    else if (!moveFocus(image, event.key)) return;
    event.preventDefault();
  });
  const zoom = element("button", {
    className: "zoom",
    textContent: "⤢",
    title: "See it large, with its frame",
    ariaLabel: `See ${id} large, with its frame`,
    tabIndex: -1,
    testid: "zoom",
    onclick: () => showFace(id),
  });
  return element("span", { className: "face" }, [image, zoom]);
}

function markSelected(image) {
  const on = selected.has(image.dataset.face);
  image.classList.toggle("selected", on);
  image.setAttribute("aria-checked", String(on));
}

/** Arrow keys, Home and End move the focus through one grid of faces, row by row as it is laid out. */
function moveFocus(image, key) {
  if (!["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"].includes(key)) return false;
  const faces = [...image.closest(".faces").querySelectorAll("img[data-face]")];
  const at = faces.indexOf(image);
  const top = (face) => Math.round(face.getBoundingClientRect().top);
  const columns = Math.max(1, faces.filter((f) => top(f) === top(faces[0])).length);
  const to = { Home: 0, End: faces.length - 1, ArrowLeft: at - 1, ArrowRight: at + 1, ArrowUp: at - columns, ArrowDown: at + columns }[key];
  faces[to]?.focus();
  return true;
}

function describeFace(id) {
  const face = state.faces[id];
  return face ? `${id} · ${face.boxSize}px · sharpness ${face.sharpness} · frontalness ${face.frontalness} · ${face.time}s` : id;
}

/** The face large, beside the frame it was found in with its box drawn on it. */
function showFace(id) {
  const face = state.faces[id];
  const video = state.videos[face?.source ?? 0];
  $("frame-face").src = `faces/${encodeURIComponent(id)}.jpg`;
  $("frame-box").hidden = true;
  $("frame-image").onload = () => placeBox(face);
  $("frame-image").src = `frames/${encodeURIComponent(id)}.jpg`;
  $("frame-caption").textContent = face
    ? `${video?.file ?? "footage"} at ${face.time} s · face ${id} · ${face.boxSize} px · sharpness ${face.sharpness.toFixed(1)} · frontalness ${face.frontalness.toFixed(2)}`
    : id;
  if (!$("frame").open) $("frame").showModal();
}

function placeBox(face) {
  const image = $("frame-image");
  const box = $("frame-box");
  if (!face?.box || image.naturalWidth === 0) return;
  const [left, top, right, bottom] = face.box;
  const percent = (value, size) => `${Math.min(100, Math.max(0, (100 * value) / size))}%`;
  box.style.left = percent(left, image.naturalWidth);
  box.style.top = percent(top, image.naturalHeight);
  box.style.width = percent(right - Math.max(0, left), image.naturalWidth);
  box.style.height = percent(bottom - Math.max(0, top), image.naturalHeight);
  box.hidden = false;
}

function personCard(person) {
  const card = element("article", { className: "card", testid: "person" });
  card.dataset.person = person.id;
  card.classList.toggle("named", person.name !== null);

  const name = element("input", { className: "name", value: person.name ?? "", placeholder: person.displayName, testid: "name" });
  name.setAttribute("aria-label", "Name");
  const saveName = () => {
    if ((name.value.trim() || null) !== person.name) post({ action: "name", person: person.id, name: name.value });
  };
  name.addEventListener("change", saveName);
  name.addEventListener("keydown", (event) => { if (event.key === "Enter") name.blur(); });
  card.append(element("div", { className: "head" }, [
    name,
    element("span", { className: "count", textContent: faceCount(person.faces.length), testid: "face-count" }),
  ]));

  const shown = expanded.has(person.id) ? person.faces : person.faces.slice(0, CARD_FACES);
  card.append(element("div", { className: "faces", testid: "montage" }, shown.map(faceImage)));
  card.append(timeline(person));

  if (person.suggestions.length > 0) {
    card.append(element("div", { className: "suggest" }, [
      "Maybe the same person as",
      ...person.suggestions.map((s) => element("button", {
        textContent: `${s.displayName} · ${s.distance.toFixed(2)} apart`,
        title: `Merge into ${s.displayName}. Their faces are ${s.distance.toFixed(2)} apart on average: `
          + "the same person is usually under 0.5, two people over 0.6.",
        testid: "merge-suggestion",
        onclick: () => post({ action: "merge", source: person.id, target: s.id }),
      })),
    ]));
  }

  const mergeTarget = element("select", { testid: "merge-target" }, [new Option("Merge into…", "")]);
  const others = state.people.filter((p) => p.id !== person.id);
  const order = new Map(person.suggestions.map((s, k) => [s.id, k]));
  others.sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));
  for (const other of others) mergeTarget.append(new Option(other.displayName, other.id));
  mergeTarget.addEventListener("change", () => {
    if (mergeTarget.value) post({ action: "merge", source: person.id, target: mergeTarget.value });
  });

  const split = splitPanel(person);
  card.append(element("div", { className: "actions" }, [
    mergeTarget,
    element("button", { textContent: "Split…", testid: "split", onclick: () => { split.hidden = !split.hidden; } }),
    element("button", {
      textContent: expanded.has(person.id) ? "Fewer faces" : "All faces",
      testid: "show-all",
      onclick: () => { expanded.has(person.id) ? expanded.delete(person.id) : expanded.add(person.id); render(); },
    }),
    element("button", { textContent: "Discard person", testid: "discard-person", onclick: () => post({ action: "discardPerson", person: person.id }) }),
  ]));
  card.append(split);
  return card;
}

// Where in the footage the person is seen: one strip per video they appear in; a stretch opens its best face's frame.
function timeline(person) {
  const strips = state.videos.map((video, source) => {
    const stretches = person.appearances.filter((a) => a.source === source);
    if (stretches.length === 0) return null;
    const bar = element("div", { className: "strip" }, stretches.map((a) => {
      const stretch = element("button", {
        className: "stretch",
        title: `${video.file} ${a.start}s–${a.end}s`,
        ariaLabel: `${video.file} from ${a.start} s to ${a.end} s: show the frame`,
        testid: "appearance",
        onclick: () => showFace(a.face),
      });
      stretch.style.left = `${(100 * a.start) / video.duration}%`;
      stretch.style.width = `${Math.max(0.8, (100 * (a.end - a.start + state.interval)) / video.duration)}%`;
      return stretch;
    }));
    return element("div", { className: "video" }, [element("span", { className: "file", textContent: video.file }), bar]);
  }).filter((strip) => strip !== null);
  return element("div", { className: "timeline", testid: "timeline" }, strips);
}

function splitPanel(person) {
  const eps = element("input", { type: "range", min: "0.2", max: String(state.eps), step: "0.01", value: String(Math.max(0.2, state.eps - 0.1)), testid: "split-eps" });
  const epsValue = element("output", { textContent: eps.value });
  eps.addEventListener("input", () => { epsValue.textContent = eps.value; });
  const parts = element("div", { testid: "split-parts" });
  const apply = element("button", { textContent: "Split into these parts", testid: "split-apply", disabled: true });
  const preview = element("button", {
    textContent: "Preview",
    testid: "split-preview",
    onclick: async () => {
      const response = await fetch("api/split-preview", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ person: person.id, eps: Number(eps.value) }),
      });
      const body = await response.json();
      if (!response.ok) return showError(body.error);
      parts.replaceChildren(...body.parts.map((part, k) => element("div", { className: "part" }, [
        element("div", { textContent: `Part ${k + 1}: ${faceCount(part.length)}` }),
        element("div", { className: "faces" }, part.slice(0, CARD_FACES).map(faceImage)),
      ])));
      apply.disabled = body.parts.length < 2;
    },
  });
  apply.addEventListener("click", () => post({ action: "split", person: person.id, eps: Number(eps.value) }));
  const panel = element("div", { className: "split" }, [
    element("label", {}, ["Tighter eps ", eps, " ", epsValue]),
    element("div", { className: "actions" }, [preview, apply]),
    parts,
  ]);
  panel.hidden = true;
  return panel;
}

function discardedPersonRow(person) {
  const row = element("div", { className: "card", testid: "discarded-person" });
  row.dataset.person = person.id;
  row.append(element("div", { className: "head" }, [
    element("span", { textContent: person.displayName }),
    element("span", { className: "count", textContent: faceCount(person.faces.length) }),
    element("button", { textContent: "Restore", testid: "restore-person", onclick: () => post({ action: "restorePerson", person: person.id }) }),
  ]));
  row.append(element("div", { className: "faces" }, person.faces.slice(0, CARD_FACES).map(faceImage)));
  return row;
}

function render() {
  const focused = document.activeElement?.dataset?.face;
  $("title").textContent = `Review: ${state.title}`;
  document.title = `FaceMesh review: ${state.title}`;
  const named = state.people.filter((p) => p.name !== null).length;
  const kept = state.people.reduce((sum, p) => sum + p.faces.length, 0);
  $("counts").textContent = `${state.people.length} people (${named} named) · ${faceCount(kept)} in people · ${state.noise.length} noise · ${state.discarded.length + state.filtered.length} left out`;
  $("undo").disabled = !state.canUndo;
  $("people").replaceChildren(...state.people.map(personCard));
  $("noise").replaceChildren(...state.noise.map(faceImage));
  $("noise-count").textContent = `(${state.noise.length})`;
  $("discarded-people").replaceChildren(...state.discardedPeople.map(discardedPersonRow));
  $("discarded").replaceChildren(...state.discarded.map(faceImage));
  $("discarded-count").textContent = `(${faceCount(state.discarded.length)}, ${state.discardedPeople.length} people)`;
  for (const id of [...selected]) if (!(id in state.faces)) selected.delete(id);
  if (focused) document.querySelector(`img[data-face="${CSS.escape(focused)}"]`)?.focus();
  renderFilter(false);
  renderSelection();
}

function renderFilter(fromSliders) {
  const sliders = { minBoxSize: $("f-size"), minSharpness: $("f-sharpness"), minFrontalness: $("f-frontalness") };
  if (!fromSliders) {
    for (const [key, slider] of Object.entries(sliders)) slider.value = String(state.filter[key]);
    sliders.minSharpness.value = String(sharpnessPosition(state.filter.minSharpness));
  }
  const limits = Object.fromEntries(Object.entries(sliders).map(([key, slider]) => [key, Number(slider.value)]));
  limits.minSharpness = sharpnessOf(limits.minSharpness);
  $("f-size-value").textContent = limits.minBoxSize.toFixed(0);
  $("f-sharpness-value").textContent = limits.minSharpness.toFixed(1);
  $("f-frontalness-value").textContent = limits.minFrontalness.toFixed(2);
  const discarded = new Set(state.discarded);
  const candidates = Object.entries(state.faces).filter(([id]) => !discarded.has(id));
  const passing = candidates.filter(([, f]) => f.boxSize >= limits.minBoxSize && f.sharpness >= limits.minSharpness && f.frontalness >= limits.minFrontalness).length;
  $("filter-count").textContent = `keeps ${passing} of ${faceCount(candidates.length)}`;
}

function renderSelection() {
  const bar = $("selection");
  bar.hidden = selected.size === 0;
  $("selection-count").textContent = `${selected.size} selected`;
  const target = $("move-target");
  const previous = target.value;
  target.replaceChildren(new Option("New person", "new"), ...state.people.map((p) => new Option(p.displayName, p.id)), new Option("Noise", "noise"));
  if ([...target.options].some((o) => o.value === previous)) target.value = previous;
}

function takeSelection() {
  const faces = [...selected];
  selected.clear();
  return faces;
}

document.addEventListener("DOMContentLoaded", () => {
  $("undo").addEventListener("click", () => post({ action: "undo" }));
  $("move").addEventListener("click", () => post({ action: "move", faces: takeSelection(), target: $("move-target").value }));
  $("discard").addEventListener("click", () => post({ action: "discard", faces: takeSelection() }));
  $("restore").addEventListener("click", () => post({ action: "restore", faces: takeSelection() }));
  $("clear").addEventListener("click", () => { selected.clear(); render(); });
  for (const id of ["f-size", "f-sharpness", "f-frontalness"]) $(id).addEventListener("input", () => renderFilter(true));
  $("apply-filter").addEventListener("click", () => post({
    action: "filter",
    minBoxSize: Number($("f-size").value),
    minSharpness: sharpnessOf(Number($("f-sharpness").value)),
    minFrontalness: Number($("f-frontalness").value),
  }));
  load(true);
});
