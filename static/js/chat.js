// Progressive enhancement only: every flow works without this file.
(function () {
  "use strict";
  const stream = document.getElementById("stream");
  if (stream && window.EventSource) {
    const source = new EventSource(stream.dataset.streamUrl);
    source.addEventListener("start", () => { stream.textContent = ""; });
    source.addEventListener("delta", (e) => {
      stream.textContent += JSON.parse(e.data).text;  // text only: never HTML
    });
    const finish = () => { source.close(); window.location.reload(); };
    source.addEventListener("done", finish);
    source.addEventListener("failed", finish);
    source.addEventListener("unavailable", () => { source.close(); setTimeout(() => window.location.reload(), 3000); });
    source.onerror = () => { source.close(); setTimeout(() => window.location.reload(), 3000); };
  }
  document.querySelectorAll(".js-only").forEach((el) => { el.hidden = false; });
  const tmpl = document.getElementById("tmpl");
  const box = document.getElementById("id_text");
  if (tmpl && box) {
    tmpl.addEventListener("change", () => { if (tmpl.value) { box.value = tmpl.value; box.focus(); } });
  }
  document.querySelectorAll("button.copy").forEach((button) => {
    button.addEventListener("click", () => {
      const body = document.querySelector(`[data-answer="${button.dataset.copy}"]`);
      if (body && navigator.clipboard) { navigator.clipboard.writeText(body.innerText); button.textContent = "コピーしました"; }
    });
  });
  const form = document.getElementById("prompt-form");
  if (form) {
    form.addEventListener("submit", () => {
      form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = true; });
    });
  }
})();
