// Swagger UI draws a parameter's multiple choice as a <select> without a label:
// name it after its parameter (WCAG 4.1.2); its code samples scroll, so a keyboard
// must reach them (WCAG 2.1.1). Done as parts appear and re-render.
"use strict";
(function () {
  function nameSelects(root) {
    root.querySelectorAll("tr[data-param-name] select:not([aria-label])").forEach(function (select) {
      select.setAttribute("aria-label", select.closest("tr").getAttribute("data-param-name"));
    });
    root.querySelectorAll("pre.microlight:not([tabindex])").forEach(function (sample) {
      sample.setAttribute("tabindex", "0");
    });
  }
  var container = document.getElementById("swagger-ui");
  if (!container) return;
  new MutationObserver(function () { nameSelects(container); })
    .observe(container, { childList: true, subtree: true });
})();
