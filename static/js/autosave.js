// Keeps a long form (an application, a review) safe while it is filled on a weak connection.
// htmx posts the form to the autosave URL as people type; when a save fails
// (no network, session ended) the form is kept in this browser and sent again
// once the network is back or the person has logged in again.
(function () {
  "use strict";
  var form = document.querySelector("form[data-draft-key]");
  if (!form) return;
  // Named after its owner too: drafts.js removes other people's copies and all on logout.
  var key = "jastarurban-draft:" + (document.body.dataset.draftOwner || "") + ":" + form.dataset.draftKey;
  var status = document.getElementById("save-status");
  var retryTimer = null;
  var dirty = false;
  form.addEventListener("input", function () { dirty = true; });

  function csrfCookie() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function keepLocally() {
    var values = [];
    new FormData(form).forEach(function (value, name) { values.push([name, value]); });
    localStorage.setItem(key, JSON.stringify({ at: Date.now(), values: values }));
  }

  function retrySoon() {
    if (retryTimer) return;
    retryTimer = setInterval(function () { htmx.trigger(form, "change"); }, 20000);
  }

  function restore() {
    var raw = localStorage.getItem(key);
    if (!raw) return;
    var saved = JSON.parse(raw);
    var serverAt = Number(form.dataset.savedAt || 0) * 1000;
    if (saved.at <= serverAt) { localStorage.removeItem(key); return; }
    saved.values.forEach(function (pair) {
      if (pair[0] === "csrfmiddlewaretoken") return;
      var fields = form.querySelectorAll('[name="' + CSS.escape(pair[0]) + '"]');
      fields.forEach(function (field) {
        if (field.type === "checkbox") field.checked = true;
        else field.value = pair[1];
      });
    });
    status.textContent = form.dataset.restoredText || status.textContent;
    htmx.trigger(form, "change");
  }

  // After logging in again in another tab the CSRF token changes: always send the current one.
  document.body.addEventListener("htmx:configRequest", function (event) {
    var token = csrfCookie();
    if (!token) return;
    event.detail.headers["X-CSRFToken"] = token;
    event.detail.parameters["csrfmiddlewaretoken"] = token;
  });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.elt !== form) return;
    if (event.detail.successful) {
      dirty = false;
      localStorage.removeItem(key);
      if (retryTimer) { clearInterval(retryTimer); retryTimer = null; }
      return;
    }
    keepLocally();
    var xhr = event.detail.xhr;
    if (xhr && xhr.status === 401) {
      status.innerHTML = "";
      var link = document.createElement("a");
      link.href = form.dataset.loginUrl;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = xhr.responseText;
      status.appendChild(link);
    } else {
      status.textContent = form.dataset.offlineText;
    }
    retrySoon();
  });
  document.body.addEventListener("htmx:sendError", function (event) {
    if (event.detail.elt !== form) return;
    keepLocally();
    status.textContent = form.dataset.offlineText;
    retrySoon();
  });
  window.addEventListener("online", function () { htmx.trigger(form, "change"); });
  // Leaving the page (an upload, a link, a closed tab) before the next autosave:
  // send what was typed in the background and keep a copy here too.
  window.addEventListener("pagehide", function () {
    if (!dirty) return;
    keepLocally();
    var data = new FormData(form);
    var token = csrfCookie();
    if (token) data.set("csrfmiddlewaretoken", token);
    navigator.sendBeacon(form.getAttribute("hx-post"), data);
  });
  // The form's own buttons leave the page with everything in the request.
  form.addEventListener("submit", function () { dirty = false; });
  restore();
})();
