// Wide tables scroll sideways inside their .table-responsive box instead of widening the
// page. A box that scrolls must be reachable by keyboard and announced with a name
// (WCAG 2.1.1, 4.1.2): each becomes a region named after the table's caption, its
// aria-label, or the nearest heading above it, and joins the tab order only while its
// table is wider than the box (a box that fits is no stop for keyboard users).
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".table-responsive"));

  function nameOf(box) {
    var table = box.querySelector("table");
    if (table && table.getAttribute("aria-label")) return table.getAttribute("aria-label");
    if (table && table.caption) return table.caption.textContent.trim();
    var heading = null;
    for (var node = box; node && !heading; node = node.parentElement) {
      for (var sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
        heading = /^H[1-6]$/.test(sibling.tagName) ? sibling : sibling.querySelector("h1,h2,h3,h4,h5,h6");
        if (heading) break;
      }
    }
    return heading ? heading.textContent.trim() : document.title;
  }

  function update() {
    boxes.forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0");
      else if (!box.hasAttribute("data-keep-tabindex")) box.removeAttribute("tabindex");
    });
  }

  boxes.forEach(function (box) {
    if (box.hasAttribute("tabindex")) box.setAttribute("data-keep-tabindex", "");
    if (!box.hasAttribute("role")) box.setAttribute("role", "region");
    if (!box.hasAttribute("aria-label") && !box.hasAttribute("aria-labelledby")) {
      box.setAttribute("aria-label", nameOf(box));
    }
  });
  update();
  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  });
})();
