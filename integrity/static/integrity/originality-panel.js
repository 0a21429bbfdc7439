// The editor's Originality panel refreshes itself: while it says "checking", ask the server
// (integrity:panel, JSON {state, html}) every few seconds and swap the panel in when the check
// of the latest version is stored. No inline script; loaded by the insert_editor_js hook.
(function () {
  "use strict";
  var DELAY_MS = 2000;
  var MAX_TRIES = 150; // five minutes, then the editor can reload

  function watch(panel, tries) {
    var url = panel.getAttribute("data-originality-url");
    if (!url || panel.getAttribute("data-originality-state") !== "checking") return;
    if (tries >= MAX_TRIES) return;
    window.setTimeout(function () {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          if (data.state === "checking") {
            watch(panel, tries + 1);
            return;
          }
          var holder = document.createElement("div");
          holder.innerHTML = data.html;
          var fresh = holder.querySelector("[data-originality-panel]");
          if (fresh) panel.replaceWith(fresh);
        })
        .catch(function () {
          watch(panel, tries + 1);
        });
    }, DELAY_MS);
  }

  function start() {
    document.querySelectorAll("[data-originality-panel]").forEach(function (panel) {
      watch(panel, 0);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
