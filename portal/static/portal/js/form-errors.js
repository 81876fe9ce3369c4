/* A refused form (the server marks <body data-form-errors>): focus goes to its error
   summary, else to the first refused field, so a keyboard or screen-reader user
   hears why at once instead of starting again from the top (RGAA 11.10). */
(function () {
  "use strict";
  if (!document.body.hasAttribute("data-form-errors")) { return; }
  var target = document.querySelector("[data-error-summary], #erreurs-formulaire")
    || document.querySelector("main [aria-invalid=true]");
  if (!target) { return; }
  if (!target.matches("input, select, textarea, button, a[href]")) {
    target.setAttribute("tabindex", "-1");
  }
  target.focus();
})();
