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

// CSV uploads: the form posts normally; while the browser waits for the answer this
// page polls the screening progress and shows it.
(function () {
  "use strict";
  document.querySelectorAll("form.js-upload").forEach((form) => {
    form.addEventListener("submit", () => {
      const bar = form.querySelector(".upload-progress");
      const status = form.querySelector(".upload-status");
      const token = form.querySelector("input[name=upload_token]");
      if (bar) { bar.hidden = false; bar.removeAttribute("value"); }
      if (status) { status.textContent = "アップロードして内容を確認しています…"; }
      form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = true; });
      if (!token || !token.value) { return; }
      setInterval(() => {
        fetch(`/chat/uploads/${token.value}/progress/`, { credentials: "same-origin" })
          .then((r) => r.json())
          .then((p) => {
            if (!p.total) { return; }
            if (bar) { bar.max = p.total; bar.value = p.done; }
            if (status) { status.textContent = `内容を確認しています…（${p.done.toLocaleString()} / ${p.total.toLocaleString()} 行）`; }
          })
          .catch(() => {});
      }, 500);
    });
  });
})();
