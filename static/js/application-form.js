// The application form as the applicant meets it: a refused submission opens on its list of
// problems, each a link to its field; the budget adds itself up against the call's cap as
// the applicant types; a row added by htmx takes the focus.
(function () {
  "use strict";
  var form = document.getElementById("application-form");
  if (!form) return;
  var NBSP = "\u00a0";

  // --- Problems after a refused submission -------------------------------------------
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
    summary.scrollIntoView({ block: "start" });
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView({ block: "center" });
      if (target.tabIndex < 0 && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus({ preventScroll: true });
    });
  }

  // --- The budget's running total ----------------------------------------------------
  function tenge(amount) {
    var sign = amount < 0 ? "\u2212" : "";
    var digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    return sign + digits + NBSP + "\u20b8";
  }

  function number(input) {
    if (!input || input.value.trim() === "") return null;
    var value = Number(input.value.replace(/\s/g, "").replace(",", "."));
    return isFinite(value) ? value : null;
  }

  function lineTotal(line) {
    var quantity = number(line.querySelector("input[name$='-quantity']"));
    var cost = number(line.querySelector("input[name$='-unit_cost_kzt']"));
    var removed = line.querySelector("input[name$='-DELETE']");
    if (quantity === null || cost === null || (removed && removed.checked)) return null;
    // Whole tenge, half up (amounts are never negative), as the server rounds;
    // quantities have two decimals, so the product is a multiple of 0.01.
    return Math.round(Math.round(quantity * cost * 100) / 100);
  }

  var totalBox = document.getElementById("budget-total");
  function recount() {
    if (!totalBox) return;
    var sum = 0;
    form.querySelectorAll("[data-budget-line]").forEach(function (line) {
      var total = lineTotal(line);
      var output = line.querySelector("[data-line-total]");
      if (output) output.textContent = total === null ? "—" : tenge(total);
      if (total !== null) sum += total;
    });
    var cap = Number(totalBox.dataset.cap || 0);
    totalBox.querySelector("[data-budget-total]").textContent = tenge(sum);
    var over = cap > 0 && sum > cap;
    totalBox.querySelector("[data-over-cap]").hidden = !over;
    totalBox.classList.toggle("border-danger", over);
  }
  form.addEventListener("input", recount);
  form.addEventListener("change", recount);
  recount();

  // --- Rows added without reloading the page -----------------------------------------
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target || !target.classList.contains("rows")) return;
    // A row is a direct child fieldset; a village picker inside it is a fieldset too.
    var rows = target.querySelectorAll(":scope > fieldset");
    var added = rows[rows.length - 1];
    var first = added && added.querySelector("input, select, textarea");
    if (first) first.focus();
    recount();
  });

  // A file chosen but not attached would be lost on Submit: say so instead of submitting.
  var files = document.getElementById("attachment-form");
  form.addEventListener("submit", function (event) {
    var chosen = files && files.querySelector("input[type=file]");
    var submitter = event.submitter;
    if (!chosen || !chosen.files.length || !submitter || submitter.name !== "submit") return;
    event.preventDefault();
    var note = files.querySelector("[data-unattached]") || document.createElement("p");
    note.setAttribute("data-unattached", "");
    note.setAttribute("role", "alert");
    note.className = "text-danger fw-semibold mt-2";
    note.textContent = files.dataset.unattachedText;
    files.appendChild(note);
    chosen.focus();
  });

  // The declarations sit next to the Submit button, outside the form element: their
  // ticks are saved like any other answer.
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.form === form && !form.contains(field) && window.htmx) {
      window.htmx.trigger(form, "change");
    }
  });
})();
